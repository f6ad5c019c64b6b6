using AwsIntegrations.Aws;
using EmulatedRecord = AwsIntegrations.Emulators.Aws.RecordSet;

namespace AwsIntegrations.DnsController.Tests.Compatibility;

/// <summary>A zone's record sets as sorted lines holding every field that reaches Route 53 (SOA and NS left out), to compare byte for byte.</summary>
internal static class ZoneText
{
    public static IReadOnlyList<string> Lines(IEnumerable<Route53RecordSet> records) =>
        [.. records.Where(r => r.Type is not ("SOA" or "NS"))
            .Select(r => Line(r.Type, r.Name, r.SetIdentifier, r.Weight, r.Ttl, r.Values, r.AliasTarget is { } a ? (a.HostedZoneId, a.DnsName, a.EvaluateTargetHealth) : null))
            .Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Lines(IEnumerable<EmulatedRecord> records) =>
        [.. records.Where(r => r.Type is not ("SOA" or "NS"))
            .Select(r => Line(r.Type, r.Name, r.SetIdentifier, r.Weight, r.Ttl, r.Values, r.Alias is { } a ? (a.HostedZoneId, a.DnsName, a.EvaluateTargetHealth) : null))
            .Order(StringComparer.Ordinal)];

    private static string Line(string type, string name, string? setIdentifier, long? weight, long? ttl, IEnumerable<string> values, (string Zone, string DnsName, bool Evaluate)? alias)
    {
        var identity = setIdentifier is null ? string.Empty : $" [{setIdentifier} weight={weight}]";
        var data = alias is { } a
            ? $"alias {a.Zone} {Fqdn(a.DnsName)} evaluate-target-health={(a.Evaluate ? "true" : "false")}"
            : $"ttl={ttl} {string.Join(" | ", values)}";
        return $"{type} {Fqdn(name)}{identity} {data}";
    }

    private static string Fqdn(string name) => name.TrimEnd('.').ToLowerInvariant() + ".";
}
