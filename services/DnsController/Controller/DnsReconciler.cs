using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Apply;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Metrics;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Registry;
using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Controllers;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.DnsController.Controller;

/// <summary>
/// One pass: observe (cached zones, re-read in full every --resync-interval; the objects from informers) → plan (pure,
/// per zone) → apply (batched, bisected on InvalidChangeBatch) → report (Events, metrics). With nothing changed a pass
/// makes no Route 53 call. Not thread-safe: the reconcile loop runs one pass at a time.
/// </summary>
public sealed partial class DnsReconciler : IReconciler
{
    private readonly DnsControllerOptions _options;
    private readonly IRoute53Api _route53;
    private readonly ISourceProvider _sources;
    private readonly IObjectEvents _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DnsMetrics _metrics;
    private readonly LeadershipTerm? _leadership;
    private readonly LoadBalancerInventory _loadBalancers;
    private readonly Applier _applier;
    private readonly ZoneFilter _filter;
    private readonly TxtNameMapper _mapper;
    private readonly RecordSettings _recordSettings;
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
    private readonly HashSet<SourceProblem> _reported = [];
    private readonly Dictionary<string, BuiltSource> _built = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastFullPlan;
    private int _managed;
    private int _epoch;

    public DnsReconciler(
        DnsControllerOptions options, IRoute53Api route53, IElbV2Api elb, ISourceProvider sources, IObjectEvents events,
        TimeProvider time, ILogger logger, DnsMetrics metrics, LeadershipTerm? leadership = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _route53 = route53;
        _sources = sources;
        _events = events;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _leadership = leadership;
        _loadBalancers = new LoadBalancerInventory(elb, logger);
        _applier = new Applier(route53);
        _filter = ZoneFilter.From(options);
        _mapper = TxtNameMapper.From(options);
        _recordSettings = RecordSettings.From(options);
    }

    public ZoneInventory Cache { get; } = new();

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await PassAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException failed)
        {
            // Reading failed: the view may be half-read, so the next pass reads everything again.
            Cache.Invalidate();
            LogPassFailed(_logger, failed.Message);
            return ReconcileResult.Failure(failed.Message);
        }
    }

    private async Task<ReconcileResult> PassAsync(CancellationToken cancellationToken)
    {
        var sources = await _sources.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var zonesRead = await ObserveAsync(sources, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var dirty = Rebuild(sources);

        // A full plan after every zone read and once per --interval; in between, only the names of objects that changed.
        var full = zonesRead || _lastFullPlan is not { } last || now - last >= _options.Interval;
        if (!full && dirty.Count == 0)
        {
            return ReconcileResult.Success();
        }

        var names = full ? null : dirty;
        var lookup = names is null ? null : RecordNames(names);
        var desired = DesiredState.Route(_built.Values, Cache.Zones, _filter, names);
        var problems = desired.Problems.ToList();
        var settings = new PlanSettings(_options.TxtOwnerId, _options.Policy, _mapper) { Scope = _filter };
        foreach (var (zone, reason) in Cache.Zones.Where(z => Cache.UnreadableZones.ContainsKey(z.Id)).Select(z => (z, Cache.UnreadableZones[z.Id])))
        {
            problems.AddRange(desired.For(zone.Id).Select(r => r.Resource).Distinct().Select(resource =>
                new SourceProblem(resource, "ZoneUnreadable", $"Route 53 refused to list zone {zone.Name} ({zone.Id}), so its records are left as they are: {reason}")));
        }

        var plans = Cache.Zones.Where(z => !Cache.UnreadableZones.ContainsKey(z.Id))
            .Select(z => (Zone: z, Plan: Planner.Plan(z, lookup is null ? Cache.Records(z.Id) : Cache.Records(z.Id, lookup), desired.For(z.Id), settings))).ToList();
        problems.AddRange(plans.SelectMany(p => p.Plan.Problems));
        var byResource = new Lazy<Dictionary<string, SourceObject>>(() => sources.GroupBy(s => s.Resource).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        string? error = null;
        foreach (var (zone, plan) in plans)
        {
            var groups = plan.Groups.Where(g => !_refused.Contains(g.Fingerprint)).ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            if (_options.DryRun)
            {
                foreach (var change in groups.SelectMany(g => g.Changes))
                {
                    LogDryRun(_logger, zone.Name, zone.Id, change.Action, change.RecordSet.Type, change.RecordSet.Name, Describe(change.RecordSet));
                }

                continue;
            }

            var outcome = await _applier.ApplyAsync(zone.Id, groups, cancellationToken).ConfigureAwait(false);
            Record(zone, outcome, byResource, problems);
            error ??= outcome.Error;
        }

        Report(problems, byResource);
        if (error is not null)
        {
            return ReconcileResult.Failure(error);
        }

        if (full)
        {
            _lastFullPlan = now;
            _managed = CountManaged();
        }

        _metrics.Synced(_built.Values.Sum(b => b.Records.Count), _managed, _time.GetUtcNow());
        return ReconcileResult.Success();
    }

    /// <summary>Rebuilds the records of objects that are new or changed (by resourceVersion); returns the names they touch, before and after.</summary>
    private HashSet<string> Rebuild(IReadOnlyList<SourceObject> sources)
    {
        var dirty = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            seen.Add(source.Resource);
            var version = source.Object?.Metadata.ResourceVersion;
            var known = _built.GetValueOrDefault(source.Resource);
            if (known is not null && version is not null && known.Version == version && known.AliasVersion == _loadBalancers.Version)
            {
                continue;
            }

            var built = BuiltSource.From(source, _recordSettings, _loadBalancers.For, _loadBalancers.Version);
            dirty.UnionWith(built.Names);
            if (known is not null)
            {
                dirty.UnionWith(known.Names);
            }

            _built[source.Resource] = built;
        }

        foreach (var gone in _built.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            dirty.UnionWith(_built[gone].Names);
            _built.Remove(gone);
        }

        return dirty;
    }

    /// <summary>The Route 53 names a plan for <paramref name="names"/> needs: the names and their ownership TXT names in every format.</summary>
    private HashSet<string> RecordNames(HashSet<string> names)
    {
        var all = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            all.Add(_mapper.ToOldTxtName(name));
            foreach (var type in new[] { "A", "AAAA", "CNAME" })
            {
                all.Add(_mapper.ToTxtName(name, type));
            }
        }

        return all;
    }

    private async Task<bool> ObserveAsync(IReadOnlyList<SourceObject> sources, CancellationToken cancellationToken)
    {
        var read = false;
        var now = _time.GetUtcNow();
        var epoch = _leadership?.Current ?? 0;
        if (Cache.UnreadableZones.Count > 0 && _lastFullPlan is { } planned && now - planned >= _options.Interval)
        {
            // A refused zone is asked again once per --interval (its policy may have been fixed), not on every pass.
            foreach (var zoneId in Cache.UnreadableZones.Keys)
            {
                Cache.MarkStale(zoneId);
            }
        }

        if (Cache.NeedsFullRead(now, _options.ResyncInterval) || epoch != _epoch)
        {
            _epoch = epoch;
            await Cache.ReadAllAsync(_route53, _filter, now, cancellationToken).ConfigureAwait(false);
            _metrics.ZoneRead("full");
            _refused.Clear();
            _reported.Clear();
            await _loadBalancers.RefreshAsync(now, cancellationToken).ConfigureAwait(false);
            LogZonesRead(_logger, Cache.Zones.Count, Cache.RecordCount);
            foreach (var (zoneId, reason) in Cache.UnreadableZones)
            {
                LogZoneUnreadable(_logger, zoneId, reason);
            }

            read = true;
        }
        else if (Cache.StaleZones.Count > 0)
        {
            _metrics.ZoneRead("stale");
            await Cache.ReadStaleAsync(_route53, cancellationToken).ConfigureAwait(false);
            read = true;
        }

        // A load balancer hostname we have not described may be a new one of ours: describe again, at most once per --interval.
        if (_loadBalancers.ReadAt is { } described && now - described >= _options.Interval && _loadBalancers.HasUnknown(sources.SelectMany(s => s.StatusTargets)))
        {
            await _loadBalancers.RefreshAsync(now, cancellationToken).ConfigureAwait(false);
        }

        return read;
    }

    private void Record(Zone zone, ApplyOutcome outcome, Lazy<Dictionary<string, SourceObject>> byResource, List<SourceProblem> problems)
    {
        foreach (var group in outcome.Applied)
        {
            Cache.Apply(group);
            foreach (var change in group.Changes)
            {
                _metrics.ChangeApplied(change.Action, change.RecordSet.Type);
            }

            foreach (var action in group.Actions)
            {
                LogApplied(_logger, action.Verb, action.Type, action.Name, zone.Name, zone.Id, group.Resource ?? "-");
                if (group.Resource is not null && byResource.Value.TryGetValue(group.Resource, out var source))
                {
                    _events.Normal(source, "Record" + char.ToUpperInvariant(action.Verb[0]) + action.Verb[1..],
                        $"{action.Verb} {action.Type} record {action.Name} in zone {zone.Name} ({zone.Id})");
                }
            }
        }

        foreach (var (group, reason) in outcome.Refused)
        {
            _refused.Add(group.Fingerprint);
            if (reason.Contains("already exists", StringComparison.Ordinal) || reason.Contains("not found", StringComparison.Ordinal) || reason.Contains("do not match", StringComparison.Ordinal))
            {
                // Route 53 disagrees with our view of the zone: read it again before the next plan.
                Cache.MarkStale(zone.Id);
            }

            problems.Add(new SourceProblem(group.Resource ?? string.Empty, "ChangeRefused", $"Route 53 refused {group} in zone {zone.Name}: {reason}"));
        }

        if (outcome.Error is not null)
        {
            Cache.MarkStale(zone.Id);
            LogApplyFailed(_logger, zone.Name, zone.Id, outcome.NotTried.Count, outcome.Error);
        }
    }

    private void Report(List<SourceProblem> problems, Lazy<Dictionary<string, SourceObject>> byResource)
    {
        foreach (var problem in problems.Distinct())
        {

            // Each problem is told once per full read, not on every pass.
            if (!_reported.Add(problem))
            {
                continue;
            }

            _metrics.Failure(problem.Reason);
            LogProblem(_logger, problem.Resource, problem.Reason, problem.Message);
            if (byResource.Value.TryGetValue(problem.Resource, out var source))
            {
                _events.Warning(source, problem.Reason, problem.Message);
            }
        }
    }

    private int CountManaged() => Cache.Zones.Sum(z =>
    {
        var records = Cache.Records(z.Id);
        var view = new ZoneRecords(records, _mapper, _filter.Accepts);
        return records.Count(r => Planner.IsManaged(r.Type) && view.IsOurs(r, _options.TxtOwnerId));
    });

    private static string Describe(Route53RecordSet record) =>
        record.AliasTarget is { } alias ? $"alias {alias.DnsName} (zone {alias.HostedZoneId})" : $"ttl {record.Ttl} {string.Join(" ", record.Values)}";

    [LoggerMessage(EventId = 46, Level = LogLevel.Warning, Message = "Route 53 refused to list zone {ZoneId}; nothing is planned for it until the next full read: {Reason}")]
    private static partial void LogZoneUnreadable(ILogger logger, string zoneId, string reason);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Read {Zones} zones with {Records} records from Route 53")]
    private static partial void LogZonesRead(ILogger logger, int zones, int records);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "dry-run: zone {Zone} ({ZoneId}): {Action} {Type} {Name} {Value}")]
    private static partial void LogDryRun(ILogger logger, string zone, string zoneId, string action, string type, string name, string value);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "{Verb} {Type} record {Name} in zone {Zone} ({ZoneId}) for {Resource}")]
    private static partial void LogApplied(ILogger logger, string verb, string type, string name, string zone, string zoneId, string resource);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "{Resource}: {Reason}: {Message}")]
    private static partial void LogProblem(ILogger logger, string resource, string reason, string message);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "Changes to zone {Zone} ({ZoneId}) stopped, {NotTried} groups wait for the next pass: {Error}")]
    private static partial void LogApplyFailed(ILogger logger, string zone, string zoneId, int notTried, string error);

    [LoggerMessage(EventId = 45, Level = LogLevel.Warning, Message = "Pass failed while reading Route 53: {Error}")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
