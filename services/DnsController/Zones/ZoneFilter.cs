using DnsController.Sources;

namespace DnsController.Zones;

/// <summary>Which zones and names the controller may touch: --domain-filter, --exclude-domains, --zone-id-filter, --aws-zone-type.</summary>
public sealed record ZoneFilter(
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> ExcludedDomains,
    IReadOnlyList<string> ZoneIds,
    string ZoneType)
{
    public static ZoneFilter Everything { get; } = new([], [], [], string.Empty);

    public static ZoneFilter Create(IEnumerable<string> domains, IEnumerable<string> excluded, IEnumerable<string> zoneIds, string zoneType) =>
        new([.. domains.Select(DnsNames.Normalize)], [.. excluded.Select(DnsNames.Normalize)], [.. zoneIds.Select(AwsIntegrations.Aws.Route53Client.Bare)], zoneType);

    public bool Accepts(Zone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (ZoneIds.Count == 0 || ZoneIds.Contains(zone.Id))
            && (ZoneType.Length == 0 || zone.Private == (ZoneType == "private"))
            && (Domains.Count == 0 || Domains.Any(d => DnsNames.IsUnder(zone.Name, d) || DnsNames.IsUnder(d, zone.Name)))
            && !ExcludedDomains.Any(d => DnsNames.IsUnder(zone.Name, d));
    }

    /// <summary>A name is managed when it lies under a domain filter (if any) and under no excluded domain.</summary>
    public bool Accepts(string name) =>
        (Domains.Count == 0 || Domains.Any(d => DnsNames.IsUnder(name, d)))
        && !ExcludedDomains.Any(d => DnsNames.IsUnder(name, d));
}
