using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Registry;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Tests.Planning;

/// <summary>Shorthands for the records planner tests arrange: Route 53 records, ownership TXT records, desired records.</summary>
internal static class Records
{
    public const string AlbZone = "Z215JYRZR1TBD5";
    public static readonly TxtNameMapper Mapper = new();

    public static PlanSettings Settings(Policy policy = Policy.Sync, string owner = "cluster-a") => new(owner, policy, Mapper);

    public static Route53RecordSet A(string name, params string[] ips) => new(name + ".", "A") { Ttl = 300, Values = ips };

    public static Route53RecordSet Cname(string name, string target, long ttl = 300) => new(name + ".", "CNAME") { Ttl = ttl, Values = [target] };

    public static Route53RecordSet AliasA(string name, string lb, string type = "A") =>
        new(name + ".", type) { AliasTarget = new Route53AliasTarget(AlbZone, lb + ".", true) };

    public static Route53RecordSet Txt(string name, string owner, string resource, string? setIdentifier = null, long? weight = null) =>
        new(name + ".", "TXT")
        {
            Ttl = 300,
            Values = [$"\"heritage=external-dns,external-dns/owner={owner},external-dns/resource={resource}\""],
            SetIdentifier = setIdentifier,
            Weight = weight,
        };

    /// <summary>A record plus its ownership TXT record in the current (typed) format.</summary>
    public static Route53RecordSet[] Owned(Route53RecordSet record, string owner = "cluster-a", string resource = "ingress/default/web") =>
        [record, Txt(Mapper.ToTxtName(record.Name.TrimEnd('.'), record.Type), owner, resource, record.SetIdentifier, record.Weight)];

    public static DesiredRecord WantA(string name, string resource = "ingress/default/web", params string[] ips) =>
        new(name, "A", ips.Length == 0 ? ["192.0.2.10"] : ips, resource);

    public static DesiredRecord WantAlias(string name, string lb, string resource = "ingress/default/web", string type = "A") =>
        new(name, type, [lb], resource) { AliasZoneId = AlbZone };

    public static DesiredRecord WantCname(string name, string target, string resource = "ingress/default/web") =>
        new(name, "CNAME", [target], resource);
}
