using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Planning;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.DnsController.Apply;

/// <summary>
/// Applies a pass's plan, zone by zone: accepted changes go into the zone inventory (so the next pass plans against them
/// without reading Route 53 again); a refused group is not sent again until the next full read; a zone whose changes
/// stopped on an error is re-read on the next pass. With --dry-run the changes are logged, not sent.
/// Not thread-safe: used by one pass at a time.
/// </summary>
public sealed partial class Applier(BatchSender sender, ZoneInventory zones, DnsControllerOptions options, ILogger<Applier> logger)
{
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);

    /// <summary>After a full read every change is tried again, the refused ones too.</summary>
    public void ForgetRefusals() => _refused.Clear();

    public async Task<IReadOnlyList<ZoneOutcome>> ApplyAsync(PassPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outcomes = new List<ZoneOutcome>();
        foreach (var (zone, zonePlan) in plan.Zones)
        {
            var groups = zonePlan.Groups.Where(g => !_refused.Contains(g.Fingerprint)).ToList();
            if (groups.Count == 0)
            {
                continue;
            }

            if (options.DryRun)
            {
                LogDryRun(zone, groups);
                continue;
            }

            var outcome = await sender.SendAsync(zone.Id, groups, cancellationToken).ConfigureAwait(false);
            Remember(zone, outcome);
            outcomes.Add(new ZoneOutcome(zone, outcome));
        }

        return outcomes;
    }

    private void Remember(Zone zone, ApplyOutcome outcome)
    {
        foreach (var group in outcome.Applied)
        {
            zones.Apply(group);
        }

        foreach (var refusal in outcome.Refused)
        {
            _refused.Add(refusal.Group.Fingerprint);
            if (Route53Errors.MayContradictView(refusal.Code))
            {
                zones.MarkSuspect(zone.Id);
            }
        }

        if (outcome.Error is not null)
        {
            zones.MarkStale(zone.Id);
            LogApplyFailed(logger, zone.Name, zone.Id, outcome.NotTried.Count, outcome.Error);
        }
    }

    private void LogDryRun(Zone zone, IEnumerable<ChangeGroup> groups)
    {
        foreach (var change in groups.SelectMany(g => g.Changes))
        {
            LogDryRun(logger, zone.Name, zone.Id, change.Action, change.RecordSet.Type, change.RecordSet.Name, Describe(change.RecordSet));
        }
    }

    private static string Describe(Route53RecordSet record) =>
        record.AliasTarget is { } alias ? $"alias {alias.DnsName} (zone {alias.HostedZoneId})" : $"ttl {record.Ttl} {string.Join(" ", record.Values)}";

    [LoggerMessage(EventId = 3041, Level = LogLevel.Information, Message = "dry-run: zone {Zone} ({ZoneId}): {Action} {Type} {Name} {Value}")]
    private static partial void LogDryRun(ILogger logger, string zone, string zoneId, string action, string type, string name, string value);

    [LoggerMessage(EventId = 3044, Level = LogLevel.Warning, Message = "Changes to zone {Zone} ({ZoneId}) stopped, {NotTried} groups wait for the next pass: {Error}")]
    private static partial void LogApplyFailed(ILogger logger, string zone, string zoneId, int notTried, string error);
}
