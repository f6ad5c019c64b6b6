using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Leadership;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Hosting.Loops;

/// <summary>
/// Runs a reconcile function when notified (debounced: notifications coalesce for <see cref="ReconcileLoopOptions.Debounce"/>),
/// on a periodic resync, and again after failures with exponential backoff. With <see cref="ReconcileLoopOptions.RequiresLeadership"/>
/// it runs only while this replica leads. On shutdown the pass in flight finishes (its token is cancelled only when the host's
/// shutdown timeout runs out or leadership is lost), so SIGTERM mid-reconcile loses nothing.
/// </summary>
internal sealed partial class ReconcileLoop : BackgroundService
{
    private readonly string _name;
    private readonly Func<CancellationToken, Task<ReconcileResult>> _reconcile;
    private readonly ReconcileLoopOptions _options;
    private readonly TimeProvider _time;
    private readonly ILeadershipGate _leadership;
    private readonly ILogger _logger;
    private readonly ReconcileLoopMetrics _metrics;
    private readonly CancellationTokenSource _hardStop = new();
    private readonly object _gate = new();
    private TaskCompletionSource _wake = NewWake();
    private DateTimeOffset? _triggeredAt;
    private DateTimeOffset? _retryAt;
    private DateTimeOffset? _backoffUntil;
    private DateTimeOffset _resyncAt;
    private int _consecutiveFailures;
    private CancellationTokenRegistration _hardStopRegistration;

    public ReconcileLoop(
        string name,
        Func<CancellationToken, Task<ReconcileResult>> reconcile,
        ReconcileLoopOptions options,
        TimeProvider time,
        ILeadershipGate leadership,
        ILogger logger,
        IMeterFactory? meters = null)
    {
        _name = name;
        _reconcile = reconcile;
        _options = options;
        _time = time;
        _leadership = options.RequiresLeadership ? leadership : AlwaysLeader.Instance;
        _logger = logger;
        _metrics = new ReconcileLoopMetrics(name, meters);
    }

    /// <summary>Number of passes completed, whatever their outcome.</summary>
    public long CompletedPasses => Interlocked.Read(ref _completedPasses);

    private long _completedPasses;

    /// <summary>Asks for a pass; several calls within the debounce window lead to one pass.</summary>
    public void Trigger()
    {
        lock (_gate)
        {
            _triggeredAt ??= _time.GetUtcNow();
            _wake.TrySetResult();
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // Kept until Dispose: the host may give up waiting (and return from StopAsync) before this callback has run.
        _hardStopRegistration = cancellationToken.Register(_hardStop.Cancel);
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _hardStopRegistration.Dispose();
        _hardStop.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var leadershipToken = await _leadership.WaitForLeadershipAsync(stoppingToken).ConfigureAwait(false);
            LogStartedLeading(_logger, _name);
            lock (_gate)
            {
                // First pass as soon as we lead; then on notifications and resyncs.
                _triggeredAt = _time.GetUtcNow() - _options.Debounce;
                _resyncAt = _time.GetUtcNow() + _options.ResyncInterval;
            }

            while (!stoppingToken.IsCancellationRequested && !leadershipToken.IsCancellationRequested)
            {
                var now = _time.GetUtcNow();
                Task wake;
                DateTimeOffset due;
                lock (_gate)
                {
                    // A notification is recorded in _triggeredAt; the wake task only interrupts a wait, so renew it once seen.
                    if (_wake.Task.IsCompleted)
                    {
                        _wake = NewWake();
                    }

                    due = NextDue();
                    wake = _wake.Task;
                    if (due <= now)
                    {
                        _triggeredAt = null;
                        _retryAt = null;
                    }
                }

                if (due > now)
                {
                    await WaitAsync(due - now, wake, stoppingToken, leadershipToken).ConfigureAwait(false);
                    continue;
                }

                await RunPassAsync(leadershipToken).ConfigureAwait(false);
            }
        }
    }

    private DateTimeOffset NextDue()
    {
        var due = _resyncAt;
        if (_triggeredAt is { } triggered && triggered + _options.Debounce < due)
        {
            due = triggered + _options.Debounce;
        }

        if (_retryAt is { } retry && retry < due)
        {
            due = retry;
        }

        // After a failure nothing runs before the backoff has passed, whatever was notified meanwhile.
        return _backoffUntil is { } backoffUntil && backoffUntil > due ? backoffUntil : due;
    }

    private async Task RunPassAsync(CancellationToken leadershipToken)
    {
        using var work = CancellationTokenSource.CreateLinkedTokenSource(_hardStop.Token, leadershipToken);
        var started = _time.GetTimestamp();
        ReconcileResult result;
        string outcome;
        try
        {
            result = await _reconcile(work.Token).ConfigureAwait(false);
            outcome = result.Succeeded ? "success" : "failure";
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            result = ReconcileResult.Failure(leadershipToken.IsCancellationRequested ? "leadership lost" : "shutdown timeout");
            outcome = "cancelled";
        }
#pragma warning disable CA1031 // A bug in one pass must not kill the loop; it is logged, counted and retried with backoff.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogPassThrew(_logger, exception, _name);
            result = ReconcileResult.Failure(exception.Message);
            outcome = "error";
        }

        var now = _time.GetUtcNow();
        _metrics.Record(outcome, _time.GetElapsedTime(started), now);
        Interlocked.Increment(ref _completedPasses);
        lock (_gate)
        {
            _resyncAt = now + _options.ResyncInterval;
            if (result.Succeeded)
            {
                _consecutiveFailures = 0;
                _backoffUntil = null;
                _retryAt = result.RequeueAfter is { } requeue ? now + requeue : null;
            }
            else
            {
                _consecutiveFailures++;
                var backoff = ExponentialBackoff.For(_consecutiveFailures, _options.InitialBackoff, _options.MaxBackoff);
                _retryAt = now + (result.RequeueAfter is { } requeue && requeue > backoff ? requeue : backoff);
                _backoffUntil = _retryAt;
                LogPassFailed(_logger, _name, result.Error ?? "unknown error", _consecutiveFailures, backoff.TotalSeconds);
            }
        }
    }

    private async Task WaitAsync(TimeSpan delay, Task wake, CancellationToken stoppingToken, CancellationToken leadershipToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, leadershipToken);
        var timer = Task.Delay(delay, _time, cancel.Token);
        await Task.WhenAny(timer, wake, Task.Delay(Timeout.Infinite, cancel.Token)).ConfigureAwait(false);
        cancel.Cancel();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Loop {Loop} runs: this replica may act")]
    private static partial void LogStartedLeading(ILogger logger, string loop);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Loop {Loop} pass failed: {Error} (failure {Failures} in a row; retrying in {BackoffSeconds} s)")]
    private static partial void LogPassFailed(ILogger logger, string loop, string error, int failures, double backoffSeconds);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Error, Message = "Loop {Loop} pass threw")]
    private static partial void LogPassThrew(ILogger logger, Exception exception, string loop);
}
