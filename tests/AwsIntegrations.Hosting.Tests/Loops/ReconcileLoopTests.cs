using System.Collections.Concurrent;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Hosting.Tests.Loops;

public sealed class ReconcileLoopTests : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly TimerTrackingTimeProvider _time = new();
    private readonly ConcurrentQueue<DateTimeOffset> _passes = new();
    private readonly ReconcileLoopOptions _options = new()
    {
        Debounce = TimeSpan.FromSeconds(2),
        ResyncInterval = TimeSpan.FromMinutes(10),
        InitialBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(5),
    };

    private ReconcileLoop? _loop;
    private Func<CancellationToken, Task<ReconcileResult>> _reconcile = _ => Task.FromResult(ReconcileResult.Success());

    private DateTimeOffset Start { get; } = new TimerTrackingTimeProvider().GetUtcNow();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_loop is not null)
        {
            await _loop.StopAsync(CancellationToken.None);
            _loop.Dispose();
        }
    }

    [Fact]
    public async Task Start_RunsTheFirstPassAtOnce()
    {
        await StartAsync();

        _passes.Should().Equal(Start);
    }

    [Fact]
    public async Task Trigger_SeveralNotificationsWithinTheDebounce_CoalesceIntoOnePass()
    {
        await StartAsync();

        await TriggerAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        await TriggerAsync();
        await TriggerAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(5));

        PassOffsets().Should().Equal(0, 2);
    }

    [Fact]
    public async Task Resync_RunsAPassWhenNothingWasNotified()
    {
        _options.ResyncInterval = TimeSpan.FromSeconds(3);
        await StartAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(10));

        PassOffsets().Should().Equal(0, 3, 6, 9);
    }

    [Fact]
    public async Task Failure_IsRetriedWithExponentialBackoffCappedAtTheMaximum()
    {
        _reconcile = _ => Task.FromResult(ReconcileResult.Failure("AWS throttled us"));
        await StartAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(30));

        PassOffsets().Should().Equal(0, 1, 3, 7, 12, 17, 22, 27);
    }

    [Fact]
    public async Task Failure_NotificationsDoNotShortenTheBackoff()
    {
        _reconcile = _ => Task.FromResult(ReconcileResult.Failure("broken"));
        _options.Debounce = TimeSpan.Zero;
        await StartAsync();

        await TriggerAsync();
        await AdvanceAsync(TimeSpan.FromMilliseconds(500));
        await TriggerAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));

        PassOffsets().Should().Equal(0, 1);
    }

    [Fact]
    public async Task Exception_IsCountedAsAFailureAndTheLoopGoesOn()
    {
        var calls = 0;
        _reconcile = _ => ++calls == 1 ? throw new InvalidOperationException("bug") : Task.FromResult(ReconcileResult.Success());
        await StartAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(2));

        PassOffsets().Should().Equal(0, 1);
        _loop!.CompletedPasses.Should().Be(2);
    }

    [Fact]
    public async Task Success_AfterFailures_ResetsTheBackoffAndReturnsToTheResyncSchedule()
    {
        _options.ResyncInterval = TimeSpan.FromSeconds(20);
        var results = new Queue<ReconcileResult>([ReconcileResult.Failure("a"), ReconcileResult.Failure("b"), ReconcileResult.Success(), ReconcileResult.Failure("c")]);
        _reconcile = _ => Task.FromResult(results.Count > 0 ? results.Dequeue() : ReconcileResult.Success());
        await StartAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(25));

        PassOffsets().Should().Equal(0, 1, 3, 23, 24);
    }

    [Fact]
    public async Task RequeueAfter_SchedulesTheNextPass()
    {
        var first = true;
        _reconcile = _ =>
        {
            var result = first ? ReconcileResult.Success(requeueAfter: TimeSpan.FromSeconds(4)) : ReconcileResult.Success();
            first = false;
            return Task.FromResult(result);
        };
        await StartAsync();

        await AdvanceAsync(TimeSpan.FromSeconds(6));

        PassOffsets().Should().Equal(0, 4);
    }

    [Fact]
    public async Task Leadership_NoPassRunsUntilThisReplicaLeads()
    {
        var gate = new ManualLeadershipGate();
        _options.RequiresLeadership = true;
        _loop = new ReconcileLoop("test", Record, _options, _time, gate, NullLogger.Instance);
        await _loop.StartAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(5));
        _passes.Should().BeEmpty();

        gate.Grant();
        await Eventually.HoldsAsync(() => !_passes.IsEmpty, "a pass once leading");
        PassOffsets().Should().Equal(5);
    }

    [Fact]
    public async Task Leadership_LostMidPass_CancelsThePassToken()
    {
        var gate = new ManualLeadershipGate();
        gate.Grant();
        _options.RequiresLeadership = true;
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop = new ReconcileLoop("test", async token =>
        {
            started.TrySetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return ReconcileResult.Success();
        }, _options, _time, gate, NullLogger.Instance);
        await _loop.StartAsync(CancellationToken.None);
        var passToken = await started.Task;

        gate.Revoke();

        await Eventually.HoldsAsync(() => passToken.IsCancellationRequested, "the pass sees leadership loss");
        await Eventually.HoldsAsync(() => _loop.CompletedPasses == 1, "the cancelled pass is accounted for");
    }

    [Fact]
    public async Task Stop_MidPass_LetsThePassFinish()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        _loop = new ReconcileLoop("test", async token =>
        {
            started.TrySetResult(token);
            await release.Task;
            finished = true;
            return ReconcileResult.Success();
        }, _options, _time, AlwaysLeader.Instance, NullLogger.Instance);
        await _loop.StartAsync(CancellationToken.None);
        var passToken = await started.Task;

        var stopping = _loop.StopAsync(CancellationToken.None);
        stopping.IsCompleted.Should().BeFalse("the pass in flight is still running");
        passToken.IsCancellationRequested.Should().BeFalse("SIGTERM must not abort a pass half-way");
        release.SetResult();
        await stopping;

        finished.Should().BeTrue();
        _loop.CompletedPasses.Should().Be(1);
    }

    [Fact]
    public async Task Stop_WhenTheShutdownTimeoutRunsOut_CancelsThePass()
    {
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop = new ReconcileLoop("test", async token =>
        {
            started.TrySetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return ReconcileResult.Success();
        }, _options, _time, AlwaysLeader.Instance, NullLogger.Instance);
        await _loop.StartAsync(CancellationToken.None);
        var passToken = await started.Task;
        using var timeout = new CancellationTokenSource();

        var stopping = _loop.StopAsync(timeout.Token);
        timeout.Cancel();
        await stopping;

        passToken.IsCancellationRequested.Should().BeTrue();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(1000, 300)]
    public void ExponentialBackoff_DoublesAndCaps(int failures, double seconds)
    {
        ExponentialBackoff.For(failures, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    private Task<ReconcileResult> Record(CancellationToken token)
    {
        _passes.Enqueue(_time.GetUtcNow());
        return _reconcile(token);
    }

    private async Task StartAsync()
    {
        _loop = new ReconcileLoop("test", Record, _options, _time, AlwaysLeader.Instance, NullLogger.Instance);
        await _loop.StartAsync(CancellationToken.None);
        await WaitUntilParkedAsync();
    }

    /// <summary>Notifies the loop and waits until it has taken the notification into account and parked again.</summary>
    private async Task TriggerAsync()
    {
        var created = _time.CreatedTimers;
        _loop!.Trigger();
        await Eventually.HoldsAsync(() => _time.CreatedTimers > created && _time.ArmedTimers > 0, "the loop re-arms after the notification");
    }

    /// <summary>Moves the clock in small steps, letting the loop run and park again after each one.</summary>
    private async Task AdvanceAsync(TimeSpan total)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += Step)
        {
            _time.Advance(Step);
            await WaitUntilParkedAsync();
        }
    }

    private Task WaitUntilParkedAsync() => Eventually.HoldsAsync(() => _time.ArmedTimers > 0, "the loop waits on its next due time");

    private List<double> PassOffsets() => _passes.Select(p => Math.Round((p - Start).TotalSeconds, 1)).ToList();

    private sealed class ManualLeadershipGate : ILeadershipGate
    {
        private readonly object _gate = new();
        private TaskCompletionSource<CancellationToken> _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenSource? _term;

        public bool IsLeader => _term is { IsCancellationRequested: false };

        public void Grant()
        {
            lock (_gate)
            {
                _term = new CancellationTokenSource();
                _leading.TrySetResult(_term.Token);
            }
        }

        public void Revoke()
        {
            lock (_gate)
            {
                _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);
                _term?.Cancel();
            }
        }

        public async ValueTask<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
        {
            Task<CancellationToken> leading;
            lock (_gate)
            {
                leading = _leading.Task;
            }

            return await leading.WaitAsync(cancellationToken);
        }
    }
}
