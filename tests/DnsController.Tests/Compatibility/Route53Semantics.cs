using AwsIntegrations.Aws;

namespace AwsIntegrations.DnsController.Tests.Compatibility;

/// <summary>
/// Applies a change batch to a zone as Route 53 does, all or nothing: CREATE needs the record set absent, DELETE needs it
/// present with the same values, UPSERT replaces. A plan Route 53 would refuse fails the planner run.
/// </summary>
internal static class Route53Semantics
{
    public static void Apply(List<Route53RecordSet> zone, IEnumerable<Route53Change> batch)
    {
        var working = zone.ToList();
        foreach (var change in batch)
        {
            var record = change.RecordSet;
            var existing = working.FirstOrDefault(r => SameKey(r, record));
            switch (change.Action)
            {
                case "CREATE" when existing is not null:
                    throw new InvalidOperationException($"Route 53 would refuse: CREATE {record.Type} {record.Name} but it already exists");
                case "DELETE" when existing is null:
                    throw new InvalidOperationException($"Route 53 would refuse: DELETE {record.Type} {record.Name} but it was not found");
                case "DELETE" when !SameContent(existing, record):
                    throw new InvalidOperationException($"Route 53 would refuse: DELETE {record.Type} {record.Name} but the values do not match");
            }

            working.RemoveAll(r => SameKey(r, record));
            if (change.Action != "DELETE")
            {
                working.Add(record);
            }
        }

        zone.Clear();
        zone.AddRange(working);
    }

    private static bool SameKey(Route53RecordSet a, Route53RecordSet b) =>
        string.Equals(a.Name.TrimEnd('.'), b.Name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase) && a.Type == b.Type && a.SetIdentifier == b.SetIdentifier;

    private static bool SameContent(Route53RecordSet a, Route53RecordSet b) =>
        a.Ttl == b.Ttl && a.Weight == b.Weight && a.Values.SequenceEqual(b.Values)
        && (a.AliasTarget is null) == (b.AliasTarget is null)
        && (a.AliasTarget is null || (a.AliasTarget.HostedZoneId == b.AliasTarget!.HostedZoneId
            && string.Equals(a.AliasTarget.DnsName.TrimEnd('.'), b.AliasTarget.DnsName.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)
            && a.AliasTarget.EvaluateTargetHealth == b.AliasTarget.EvaluateTargetHealth));
}
