using AwsIntegrations.Aws;
using AwsIntegrations.Kube2Iam.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Kube2Iam.Credentials;

/// <summary>
/// Assumed-role credentials per <see cref="CredentialKey"/>: fetched when a pod appears (prefetch), refreshed in the
/// background before they get short, one STS call in flight per key, and never served with less than
/// <see cref="MinimumRemaining"/> left. Failures are kept for the error TTL so a broken role cannot hammer STS.
/// </summary>
public sealed partial class CredentialCache
{
    /// <summary>The AWS Java SDK refreshes on every call when fewer than 15 minutes remain.</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromMinutes(15);

    private readonly IStsApi _sts;
    private readonly TimeProvider _time;
    private readonly Kube2IamMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<CredentialKey, Entry> _entries = [];

    public CredentialCache(IStsApi sts, CredentialCacheSettings settings, TimeProvider time, Kube2IamMetrics metrics, ILogger<CredentialCache>? logger = null)
    {
        _sts = sts;
        Settings = settings;
        _time = time;
        _metrics = metrics;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        metrics.ObserveCacheEntries(() => Count);
    }

    public CredentialCacheSettings Settings { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The cached answer for the key if it can be served now, without fetching or counting a lookup.</summary>
    public CredentialResult? Peek(CredentialKey key)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var entry) && entry.Result is { } result && IsServable(result, _time.GetUtcNow()) ? result : null;
        }
    }

    /// <summary>Starts fetching if nothing usable is cached or in flight (a pod appeared); returns at once.</summary>
    /// <param name="sessionName">The session name to fetch with when the key's is null (a shared session).</param>
    public void Prefetch(CredentialKey key, string? sessionName = null) => _ = GetCoreAsync(key, sessionName, countLookup: false);

    /// <summary>Credentials with at least 15 minutes left, from the cache when possible; waits for STS only on a miss.</summary>
    /// <param name="sessionName">The session name to fetch with when the key's is null (a shared session).</param>
    public Task<CredentialResult> GetAsync(CredentialKey key, string? sessionName = null) => GetCoreAsync(key, sessionName, countLookup: true);

    /// <summary>
    /// One background pass: refreshes entries still wanted (<paramref name="liveKeys"/>, each with the session name a live
    /// pod would fetch it with) that are within the refresh window, and forgets entries no pod wants any more.
    /// </summary>
    public async Task RefreshAsync(IReadOnlyDictionary<CredentialKey, string> liveKeys)
    {
        var now = _time.GetUtcNow();
        var due = new List<CredentialKey>();
        lock (_gate)
        {
            foreach (var (key, entry) in _entries.ToList())
            {
                if (!liveKeys.ContainsKey(key))
                {
                    if (entry.InFlight is null && now - entry.LastUsed > Settings.SessionTtl)
                    {
                        _entries.Remove(key);
                    }

                    continue;
                }

                if (entry.InFlight is null && entry.Result is { } result && result.ValidUntil - now < RefreshWindow(result))
                {
                    due.Add(key);
                }
            }
        }

        foreach (var (key, sessionName) in liveKeys)
        {
            Prefetch(key, sessionName);
        }

        await Task.WhenAll(due.Select(key => StartFetch(key, liveKeys[key], force: true))).ConfigureAwait(false);
    }

    private Task<CredentialResult> GetCoreAsync(CredentialKey key, string? sessionName, bool countLookup)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                entry.LastUsed = now;
                if (entry.Result is { } result && IsServable(result, now))
                {
                    if (countLookup)
                    {
                        _metrics.CacheLookup(hit: true);
                    }

                    return Task.FromResult(result);
                }
            }
        }

        if (countLookup)
        {
            _metrics.CacheLookup(hit: false);
        }

        return StartFetch(key, sessionName, force: false);
    }

    private Task<CredentialResult> StartFetch(CredentialKey key, string? sessionName, bool force)
    {
        var name = key.SessionName ?? sessionName ?? throw new ArgumentException("a shared session needs the name to fetch it with", nameof(sessionName));
        TaskCompletionSource<CredentialResult> fetch;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry { LastUsed = _time.GetUtcNow() };
                _entries[key] = entry;
            }

            if (entry.InFlight is { } running)
            {
                return running.Task;
            }

            if (!force && entry.Result is { } result && IsServable(result, _time.GetUtcNow()))
            {
                return Task.FromResult(result);
            }

            fetch = new TaskCompletionSource<CredentialResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            entry.InFlight = fetch;
        }

        _ = Task.Run(() => FetchAsync(key, name, fetch));
        return fetch.Task;
    }

    private async Task FetchAsync(CredentialKey key, string sessionName, TaskCompletionSource<CredentialResult> fetch)
    {
        var now = _time.GetUtcNow();
        CredentialResult result;
        try
        {
            var role = await _sts.AssumeRoleAsync(new AssumeRoleRequest(key.RoleArn, sessionName)
            {
                ExternalId = key.ExternalId,
                Duration = Settings.SessionDuration,
            }, CancellationToken.None).ConfigureAwait(false);
            result = new CredentialResult(role, null, now, role.Expiration);
            _metrics.StsCall("success");
            Log.Assumed(_logger, key.RoleArn, sessionName, role.Expiration);
        }
#pragma warning disable CA1031 // Any STS failure becomes a cached error answer; it must never escape as node credentials.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var code = e is AwsServiceException aws ? aws.Code : e.GetType().Name;
            result = new CredentialResult(null, $"{code}: {e.Message}", now, now + Settings.ErrorTtl);
            _metrics.StsCall(code);
            Log.AssumeFailed(_logger, key.RoleArn, sessionName, code, e.Message);
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                // A failed background refresh keeps the credentials that are still good.
                if (result.Succeeded || entry.Result is not { Succeeded: true } old || !IsServable(old, _time.GetUtcNow()))
                {
                    entry.Result = result;
                }

                entry.InFlight = null;
            }
        }

        fetch.SetResult(result);
    }

    private bool IsServable(CredentialResult result, DateTimeOffset now) =>
        result.Succeeded ? result.ValidUntil - now >= MinimumRemaining : result.ValidUntil > now;

    private TimeSpan RefreshWindow(CredentialResult result) =>
        result.Succeeded ? Settings.RefreshWhenRemaining : TimeSpan.MaxValue;

    private sealed class Entry
    {
        public CredentialResult? Result { get; set; }

        public TaskCompletionSource<CredentialResult>? InFlight { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5010, Level = LogLevel.Debug, Message = "assumed {RoleArn} as session {SessionName}, valid until {Expiration}")]
        public static partial void Assumed(ILogger logger, string roleArn, string sessionName, DateTimeOffset expiration);

        [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "AssumeRole {RoleArn} as session {SessionName} failed: {Code} {Reason}")]
        public static partial void AssumeFailed(ILogger logger, string roleArn, string sessionName, string code, string reason);
    }
}
