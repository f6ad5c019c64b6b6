using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Inventory;

/// <summary>Where a name goes: the longest-suffix public zone, and every private zone the name lies in (as external-dns).</summary>
public static class ZoneSelector
{
    public static IReadOnlyList<Zone> ZonesFor(string name, IReadOnlyList<Zone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var matching = zones.Where(z => DnsNames.IsUnder(name, z.Name)).ToList();
        var result = matching.Where(z => z.Private).ToList();
        var publicZone = matching.Where(z => !z.Private).OrderByDescending(z => z.Name.Length).ThenBy(z => z.Id, StringComparer.Ordinal).FirstOrDefault();
        if (publicZone is not null)
        {
            result.Insert(0, publicZone);
        }

        return result;
    }
}
