using AwsIntegrations.Aws;
using k8s;
using k8s.Models;

namespace AwsIntegrations.DnsController.Tests.Compatibility;

/// <summary>
/// One zone as external-dns left it, the cluster that made it, the flags a user switching over would pass, and the zone
/// as it must be afterwards (null: unchanged) with the number of ChangeResourceRecordSets calls that takes. The same case
/// runs through the pure planner and through a DnsController process against the AWS emulator.
/// </summary>
public sealed record CompatibilityCase(string Name)
{
    public const string ZoneId = "ZEXAMPLECOM00001";

    public IReadOnlyList<string> Flags { get; init; } = [];

    public IReadOnlyList<SeededZone> Zones { get; init; } = [];

    public IReadOnlyList<SeededLoadBalancer> LoadBalancers { get; init; } = [];

    public IReadOnlyList<V1Ingress> Ingresses { get; init; } = [];

    public IReadOnlyList<V1Service> Services { get; init; } = [];

    /// <summary>Each zone's records afterwards, by zone id; a zone not named here must be unchanged.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Route53RecordSet>> After { get; init; } = new Dictionary<string, IReadOnlyList<Route53RecordSet>>();

    public int ChangeCalls { get; init; }

    /// <summary>The case with --policy replaced (the suite runs some cases under every policy).</summary>
    public CompatibilityCase WithPolicy(string policy) => this with
    {
        Name = $"--policy {policy}: {Name}",
        Flags = [.. Flags.Where(f => !f.StartsWith("--policy", StringComparison.Ordinal)), $"--policy={policy}"],
    };

    public override string ToString() => Name;
}

/// <summary>A hosted zone and the records in it (SOA and NS are added as Route 53 adds them).</summary>
public sealed record SeededZone(string Id, string Name, IReadOnlyList<Route53RecordSet> Records, bool Private = false);

/// <summary>A load balancer of this account, as DescribeLoadBalancers returns it.</summary>
public sealed record SeededLoadBalancer(string Name, string DnsName, string CanonicalHostedZoneId, string Type = "application", string IpAddressType = "ipv4");
