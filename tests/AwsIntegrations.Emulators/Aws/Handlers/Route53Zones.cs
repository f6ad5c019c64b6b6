namespace AwsIntegrations.Emulators.Aws;

/// <summary>Hosted zone bookkeeping shared by the seed and the Route 53 handler.</summary>
public static class Route53Zones
{
    public static string Fqdn(string name) => name.EndsWith('.') ? name.ToLowerInvariant() : name.ToLowerInvariant() + ".";

    /// <summary>Creates a zone with the SOA and NS records AWS puts in every new zone.</summary>
    public static HostedZone Create(AwsState state, string? id, string name, string callerReference, string? comment, bool privateZone, List<string> vpcIds)
    {
        var zone = new HostedZone
        {
            Id = id ?? "Z" + state.NewHex(13).ToUpperInvariant(),
            Name = Fqdn(name),
            CallerReference = callerReference,
            Comment = comment,
            PrivateZone = privateZone,
            VpcIds = vpcIds,
        };
        var ns = new List<string> { "ns-1.awsdns-01.org.", "ns-2.awsdns-02.co.uk.", "ns-3.awsdns-03.com.", "ns-4.awsdns-04.net." };
        zone.Records.Add(new RecordSet(zone.Name, "NS") { Ttl = 172800, Values = ns });
        zone.Records.Add(new RecordSet(zone.Name, "SOA") { Ttl = 900, Values = [$"{ns[0]} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"] });
        lock (state.Gate)
        {
            state.HostedZones.Add(zone);
        }

        return zone;
    }
}
