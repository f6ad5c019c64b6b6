using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>
/// A pass's plan (pure): the changes every readable zone needs, and every problem found on the way: the desired state's,
/// the planner's, and for each object with names in a zone Route 53 refused to list, a ZoneUnreadable problem (nothing is
/// planned there, so no record of its is touched).
/// </summary>
public sealed record PassPlan(IReadOnlyList<ZoneChanges> Zones, IReadOnlyList<SourceProblem> Problems)
{
    /// <param name="desired">The desired records, by zone.</param>
    /// <param name="zones">The selected zones.</param>
    /// <param name="unreadable">Zones Route 53 refused to list (zone id → its answer).</param>
    /// <param name="recordsOf">A zone's current records (for a plan over a few names, those names' records suffice).</param>
    /// <param name="settings">Ownership, policy and scope.</param>
    public static PassPlan For(
        DesiredState desired, IReadOnlyList<Zone> zones, IReadOnlyDictionary<string, string> unreadable,
        Func<string, IReadOnlyList<Route53RecordSet>> recordsOf, PlanSettings settings)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(unreadable);
        ArgumentNullException.ThrowIfNull(recordsOf);
        var problems = desired.Problems.ToList();
        foreach (var zone in zones.Where(z => unreadable.ContainsKey(z.Id)))
        {
            problems.AddRange(desired.For(zone.Id).Select(r => r.Resource).Distinct().Select(resource => new SourceProblem(
                resource, "ZoneUnreadable", $"Route 53 refused to list zone {zone.Name} ({zone.Id}), so its records are left as they are: {unreadable[zone.Id]}")));
        }

        var plans = zones.Where(z => !unreadable.ContainsKey(z.Id))
            .Select(z => new ZoneChanges(z, Planner.Plan(z, recordsOf(z.Id), desired.For(z.Id), settings)))
            .ToList();
        problems.AddRange(plans.SelectMany(p => p.Plan.Problems));
        return new PassPlan(plans, problems);
    }
}
