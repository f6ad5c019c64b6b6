using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Planning;

/// <summary>Whether a record in Route 53 already says what a desired record says, and how to write a desired record.</summary>
public static class RecordComparison
{
    public static bool Same(Route53RecordSet current, DesiredRecord desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        if (current.Weight != desired.Weight)
        {
            return false;
        }

        if (current.AliasTarget is { } alias)
        {
            return desired.IsAlias
                && DnsNames.Normalize(alias.DnsName) == desired.Targets[0]
                && alias.HostedZoneId == desired.AliasZoneId
                && alias.EvaluateTargetHealth == desired.EvaluateTargetHealth;
        }

        return !desired.IsAlias
            && (!desired.TtlConfigured || current.Ttl == desired.Ttl)
            && current.Values.Select(v => Value(current.Type, v)).Order(StringComparer.Ordinal)
                .SequenceEqual(desired.Targets.Select(v => Value(desired.Type, v)).Order(StringComparer.Ordinal));
    }

    public static Route53RecordSet ToRoute53(DesiredRecord desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return new Route53RecordSet(DnsNames.Fqdn(desired.Name), desired.Type)
        {
            Ttl = desired.IsAlias ? null : desired.Ttl,
            Values = desired.IsAlias ? [] : desired.Targets,
            SetIdentifier = desired.SetIdentifier,
            Weight = desired.Weight,
            AliasTarget = desired.IsAlias ? new Route53AliasTarget(desired.AliasZoneId!, desired.Targets[0], desired.EvaluateTargetHealth) : null,
        };
    }

    private static string Value(string type, string value) => type == RecordType.Cname ? DnsNames.Normalize(value) : value;
}
