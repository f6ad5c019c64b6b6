using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>
/// Every object's records, routed to zones (pure): names outside --domain-filter or under --exclude-domains are left
/// alone; a name with no zone is a problem on its object ("no hosted zone for x").
/// </summary>
public sealed record DesiredState(IReadOnlyDictionary<string, IReadOnlyList<DesiredRecord>> ByZone, IReadOnlyList<SourceProblem> Problems, int RecordCount)
{
    public static DesiredState Build(
        IReadOnlyList<SourceObject> sources, IReadOnlyList<Zone> zones, ZoneFilter filter, RecordSettings settings, Func<string, AliasTarget?> aliasFor)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return Route(sources.Select(s => BuiltSource.From(s, settings, aliasFor)), zones, filter);
    }

    /// <summary>Routes already built records; with <paramref name="onlyNames"/>, only the records (and problems) at those names.</summary>
    public static DesiredState Route(IEnumerable<BuiltSource> built, IReadOnlyList<Zone> zones, ZoneFilter filter, IReadOnlySet<string>? onlyNames = null)
    {
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(filter);
        var byZone = new Dictionary<string, List<DesiredRecord>>(StringComparer.Ordinal);
        var problems = new List<SourceProblem>();
        var count = 0;
        foreach (var source in built)
        {
            if (onlyNames is null || source.Records.Any(r => onlyNames.Contains(r.Name)))
            {
                problems.AddRange(source.Problems);
            }

            foreach (var record in source.Records.Where(r => (onlyNames is null || onlyNames.Contains(r.Name)) && filter.Accepts(r.Name)))
            {
                var targets = ZoneSelector.ZonesFor(record.Name, zones);
                if (targets.Count == 0)
                {
                    problems.Add(new SourceProblem(source.Resource, "NoHostedZone", $"no hosted zone for {record.Name}"));
                    continue;
                }

                count++;
                foreach (var zone in targets)
                {
                    if (!byZone.TryGetValue(zone.Id, out var list))
                    {
                        byZone[zone.Id] = list = [];
                    }

                    list.Add(record);
                }
            }
        }

        return new DesiredState(byZone.ToDictionary(z => z.Key, z => (IReadOnlyList<DesiredRecord>)z.Value, StringComparer.Ordinal), problems.Distinct().ToList(), count);
    }

    public IReadOnlyList<DesiredRecord> For(string zoneId) => ByZone.GetValueOrDefault(zoneId) ?? [];
}
