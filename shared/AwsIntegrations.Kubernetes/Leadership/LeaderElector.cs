using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>
/// client-go's Lease-based leader election as an <see cref="ILeadershipGate"/> and a hosted service. Non-leaders try to
/// acquire every RetryPeriod and succeed once the holder has not renewed for LeaseDuration (by their own clock) or has
/// released; the leader renews every RetryPeriod and stops leading — cancelling the token it handed out — when it has
/// not renewed for RenewDeadline. On graceful stop it releases the lease so the next replica takes over at once.
/// </summary>
public sealed partial class LeaderElector : ILeadershipGate, IHostedService, IAsyncDisposable
{
    private readonly KubernetesClient _client;
    private readonly LeaderElectionOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _namespace;
    private readonly bool _ownsClient;
    private readonly Lock _gate = new();
    private TaskCompletionSource _becameLeader = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _leadership;
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private LeaseRecord? _observed;
    private DateTimeOffset _observedAt;

    public LeaderElector(KubernetesClient client, LeaderElectionOptions options, ILogger<LeaderElector>? logger = null, bool ownsClient = false)
    {
        options.Validate();
        _client = client;
        _ownsClient = ownsClient;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = client.Time;
        _namespace = string.IsNullOrEmpty(options.LeaseNamespace) ? client.DefaultNamespace : options.LeaseNamespace;
    }

    public string Identity => _options.Identity;

    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _leadership is { IsCancellationRequested: false };
            }
        }
    }

    public async ValueTask<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task waiting;
            lock (_gate)
            {
                if (_leadership is { IsCancellationRequested: false } leadership)
                {
                    return leadership.Token;
                }

                waiting = _becameLeader.Task;
            }

            await waiting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_loop is null)
            {
                _stop = new CancellationTokenSource();
                var stop = _stop.Token;
                _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops campaigning; a leader stops leading and (with ReleaseOnCancel) releases the lease.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => StopAsync(_options.ReleaseOnCancel, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    /// <summary>Stops without releasing: what a crashed or partitioned replica looks like to the others.</summary>
    internal Task AbandonAsync() => StopAsync(release: false, CancellationToken.None);

    private async Task StopAsync(bool release, CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _loop = null;
        }

        if (loop is null)
        {
            return;
        }

        await _stop!.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        _stop.Dispose();
        var wasLeader = StepDown();
        if (release && wasLeader)
        {
            await ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                while (!await TryAcquireOrRenewAsync(_options.RetryPeriod, stop).ConfigureAwait(false))
                {
                    await Task.Delay(Jittered(_options.RetryPeriod), _time, stop).ConfigureAwait(false);
                }

                BecomeLeader();
                await RenewWhileLeadingAsync(stop).ConfigureAwait(false);
                StepDown();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task RenewWhileLeadingAsync(CancellationToken stop)
    {
        var renewedAt = _time.GetUtcNow();
        while (true)
        {
            await Task.Delay(_options.RetryPeriod, _time, stop).ConfigureAwait(false);
            var left = renewedAt + _options.RenewDeadline - _time.GetUtcNow();
            if (left > TimeSpan.Zero && await TryAcquireOrRenewAsync(left, stop).ConfigureAwait(false))
            {
                renewedAt = _time.GetUtcNow();
                continue;
            }

            if (_time.GetUtcNow() - renewedAt >= _options.RenewDeadline)
            {
                Log.Lost(_logger, Identity, _namespace, _options.LeaseName);
                return;
            }
        }
    }

    /// <summary>One attempt, bounded by <paramref name="budget"/> so a hanging request cannot outlive the renew deadline.</summary>
    private async Task<bool> TryAcquireOrRenewAsync(TimeSpan budget, CancellationToken stop)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop);
        attempt.CancelAfter(budget);
        try
        {
            var now = _time.GetUtcNow();
            var lease = await _client.FindAsync<Lease>(_namespace, _options.LeaseName, attempt.Token).ConfigureAwait(false);
            if (lease is null)
            {
                var created = await _client.CreateAsync(NewLease(now), attempt.Token).ConfigureAwait(false);
                Observe(LeaseRecord.Of(created.Spec), now);
                return true;
            }

            var record = LeaseRecord.Of(lease.Spec);
            if (record != _observed)
            {
                Observe(record, now);
            }

            if (record.HeldByOtherThan(Identity, _observedAt, _options.LeaseDuration, now))
            {
                return false;
            }

            lease.Spec = record.Claim(Identity, _options.LeaseDuration, now, lease.Spec);
            var updated = await _client.UpdateAsync(lease, attempt.Token).ConfigureAwait(false);
            Observe(LeaseRecord.Of(updated.Spec), now);
            return true;
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException || (e is OperationCanceledException && !stop.IsCancellationRequested))
        {
            Log.AttemptFailed(_logger, Identity, _namespace, _options.LeaseName, e.Message);
            return false;
        }
    }

    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lease = await _client.FindAsync<Lease>(_namespace, _options.LeaseName, cancellationToken).ConfigureAwait(false);
            if (lease?.Spec?.HolderIdentity != Identity)
            {
                return;
            }

            var now = _time.GetUtcNow();
            lease.Spec.HolderIdentity = "";
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.RenewTime = now;
            lease.Spec.AcquireTime = now;
            await _client.UpdateAsync(lease, cancellationToken).ConfigureAwait(false);
            Log.Released(_logger, Identity, _namespace, _options.LeaseName);
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException)
        {
            Log.AttemptFailed(_logger, Identity, _namespace, _options.LeaseName, e.Message);
        }
    }

    private Lease NewLease(DateTimeOffset now) => new()
    {
        Metadata = new ObjectMeta { Name = _options.LeaseName, Namespace = _namespace },
        Spec = new LeaseSpec
        {
            HolderIdentity = Identity,
            LeaseDurationSeconds = (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds),
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = 0,
        },
    };

    private void Observe(LeaseRecord record, DateTimeOffset now)
    {
        _observed = record;
        _observedAt = now;
    }

    private void BecomeLeader()
    {
        lock (_gate)
        {
            _leadership = new CancellationTokenSource();
            _becameLeader.TrySetResult();
        }

        Log.Acquired(_logger, Identity, _namespace, _options.LeaseName);
    }

    private bool StepDown()
    {
        CancellationTokenSource? leadership;
        lock (_gate)
        {
            leadership = _leadership;
            _leadership = null;
            if (_becameLeader.Task.IsCompleted)
            {
                _becameLeader = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (leadership is null)
        {
            return false;
        }

        leadership.Cancel();
        leadership.Dispose();
        return true;
    }

    private static TimeSpan Jittered(TimeSpan period) =>
        period * (1 + (Random.Shared.NextDouble() * (LeaderElectionOptions.JitterFactor - 1)));

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{Identity} became leader on lease {Namespace}/{Lease}")]
        public static partial void Acquired(ILogger logger, string identity, string @namespace, string lease);

        [LoggerMessage(2, LogLevel.Warning, "{Identity} lost leadership on lease {Namespace}/{Lease}: could not renew within the deadline")]
        public static partial void Lost(ILogger logger, string identity, string @namespace, string lease);

        [LoggerMessage(3, LogLevel.Information, "{Identity} released lease {Namespace}/{Lease}")]
        public static partial void Released(ILogger logger, string identity, string @namespace, string lease);

        [LoggerMessage(4, LogLevel.Debug, "{Identity}: lease {Namespace}/{Lease} attempt failed: {Reason}")]
        public static partial void AttemptFailed(ILogger logger, string identity, string @namespace, string lease, string reason);
    }
}
