using System.Net;
using System.Text.Json.Nodes;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Serialization;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>
/// client-go's Lease-based leader election as an <see cref="ILeadershipGate"/> and a hosted service. Non-leaders try to
/// acquire every RetryPeriod and succeed once the holder has not renewed for LeaseDuration (by their own clock) or has
/// released; the leader renews every RetryPeriod and stops leading — cancelling the token it handed out — when it has
/// not renewed for RenewDeadline. On graceful stop it releases the lease so the next replica takes over at once.
/// Every write is a merge patch of the spec fields it owns, carrying the resourceVersion it read (so a concurrent writer
/// makes it fail with 409, as client-go's update would) and leaving fields it does not know alone. KubernetesClient's own
/// k8s.LeaderElection neither releases the lease nor takes a TimeProvider, and it replaces the whole Lease.
/// </summary>
internal sealed partial class LeaderElector : ILeadershipGate, IHostedService, IAsyncDisposable
{
    private readonly KubernetesConnection _connection;
    private readonly IKubernetes _client;
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

    public LeaderElector(KubernetesConnection connection, LeaderElectionOptions options, ILogger<LeaderElector>? logger = null, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options.Validate();
        _connection = connection;
        _client = connection.Client;
        _ownsClient = ownsClient;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = connection.Time;
        _namespace = string.IsNullOrEmpty(options.LeaseNamespace) ? connection.Namespace : options.LeaseNamespace;
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
            _connection.Dispose();
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
            var lease = await FindAsync(attempt.Token).ConfigureAwait(false);
            if (lease is null)
            {
                var created = await _client.CoordinationV1.CreateNamespacedLeaseAsync(NewLease(now), _namespace, cancellationToken: attempt.Token).ConfigureAwait(false);
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

            var claim = record.Claim(Identity, _options.LeaseDuration, now);
            var updated = await PatchAsync(lease, claim, attempt.Token).ConfigureAwait(false);
            Observe(LeaseRecord.Of(updated.Spec), now);
            return true;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException || (e is OperationCanceledException && !stop.IsCancellationRequested))
        {
            Log.AttemptFailed(_logger, Identity, _namespace, _options.LeaseName, e.Message);
            return false;
        }
    }

    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lease = await FindAsync(cancellationToken).ConfigureAwait(false);
            if (lease?.Spec?.HolderIdentity != Identity)
            {
                return;
            }

            var now = _time.GetUtcNow();
            await PatchAsync(lease, new LeaseClaim("", 1, now, now, lease.Spec.LeaseTransitions ?? 0), cancellationToken).ConfigureAwait(false);
            Log.Released(_logger, Identity, _namespace, _options.LeaseName);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException)
        {
            Log.AttemptFailed(_logger, Identity, _namespace, _options.LeaseName, e.Message);
        }
    }

    private async Task<V1Lease?> FindAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _client.CoordinationV1.ReadNamespacedLeaseAsync(_options.LeaseName, _namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Writes the claim as a merge patch of the spec fields, conditional on the version read.</summary>
    private Task<V1Lease> PatchAsync(V1Lease current, LeaseClaim claim, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = current.Metadata.ResourceVersion },
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = claim.HolderIdentity,
                ["leaseDurationSeconds"] = claim.LeaseDurationSeconds,
                ["acquireTime"] = MicroTime.Format(claim.AcquireTime),
                ["renewTime"] = MicroTime.Format(claim.RenewTime),
                ["leaseTransitions"] = claim.LeaseTransitions,
            },
        };
        return _client.CoordinationV1.PatchNamespacedLeaseAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), _options.LeaseName, _namespace, cancellationToken: cancellationToken);
    }

    private V1Lease NewLease(DateTimeOffset now) => new()
    {
        Metadata = new V1ObjectMeta { Name = _options.LeaseName, NamespaceProperty = _namespace },
        Spec = new V1LeaseSpec
        {
            HolderIdentity = Identity,
            LeaseDurationSeconds = (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds),
            AcquireTime = now.UtcDateTime,
            RenewTime = now.UtcDateTime,
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
        [LoggerMessage(1110, LogLevel.Information, "{Identity} became leader on lease {Namespace}/{Lease}")]
        public static partial void Acquired(ILogger logger, string identity, string @namespace, string lease);

        [LoggerMessage(1111, LogLevel.Warning, "{Identity} lost leadership on lease {Namespace}/{Lease}: could not renew within the deadline")]
        public static partial void Lost(ILogger logger, string identity, string @namespace, string lease);

        [LoggerMessage(1112, LogLevel.Information, "{Identity} released lease {Namespace}/{Lease}")]
        public static partial void Released(ILogger logger, string identity, string @namespace, string lease);

        [LoggerMessage(1113, LogLevel.Debug, "{Identity}: lease {Namespace}/{Lease} attempt failed: {Reason}")]
        public static partial void AttemptFailed(ILogger logger, string identity, string @namespace, string lease, string reason);
    }
}
