using DnsController.Sources;
using DnsController.Zones;

namespace DnsController.Planning;

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
        ArgumentNullException.ThrowIfNull(filter);
        var byZone = new Dictionary<string, List<DesiredRecord>>(StringComparer.Ordinal);
        var problems = new List<SourceProblem>();
        var count = 0;
        foreach (var source in sources)
        {
            var (records, sourceProblems) = EndpointBuilder.Build(source, settings, aliasFor);
            problems.AddRange(sourceProblems);
            foreach (var record in records.Where(r => filter.Accepts(r.Name)))
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
