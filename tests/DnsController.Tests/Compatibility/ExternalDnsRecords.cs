using AwsIntegrations.Aws;
using k8s;
using k8s.Models;

namespace AwsIntegrations.DnsController.Tests.Compatibility;

/// <summary>
/// Record sets exactly as external-dns sends them to Route 53 (provider/aws/aws.go newChange, v0.22.0): ALIAS records
/// without TTL to the load balancer's canonical zone with EvaluateTargetHealth true (--aws-evaluate-target-health
/// default), plain records with the TTL of the ttl annotation or 300, TXT ownership records at 300 with the quoted value
/// of endpoint/labels.go SerializePlain. Names carry the trailing dot Route 53 answers with.
/// </summary>
internal static class ExternalDnsRecords
{
    public const string AlbZone = "Z215JYRZR1TBD5";
    public const string NlbZone = "Z3F0SRJ5LGBH90";
    public const string Alb = "k8s-default-web-0a1b2c3d4e-1234567890.eu-central-1.elb.amazonaws.com";
    public const string Alb2 = "k8s-default-web2-0a1b2c3d4e-987654321.eu-central-1.elb.amazonaws.com";
    public const string Nlb = "k8s-default-api-0a1b2c3d4e-0123456789abcdef.elb.eu-central-1.amazonaws.com";

    public static readonly SeededLoadBalancer[] LoadBalancers =
    [
        new("k8s-default-web-0a1b2c3d4e", Alb, AlbZone),
        new("k8s-default-web2-0a1b2c3d4e", Alb2, AlbZone),
        new("k8s-default-api-0a1b2c3d4e", Nlb, NlbZone, "network"),
    ];

    /// <summary>The TXT value: <c>"heritage=external-dns,external-dns/owner=…,external-dns/resource=…"</c>, labels sorted by key.</summary>
    public static string Heritage(string owner, string resource) =>
        $"\"heritage=external-dns,external-dns/owner={owner},external-dns/resource={resource}\"";

    public static Route53RecordSet Alias(string type, string name, string lb, string zone = AlbZone) =>
        new(name + ".", type) { AliasTarget = new Route53AliasTarget(zone, lb + ".", true) };

    public static Route53RecordSet AliasA(string name, string lb = Alb, string zone = AlbZone) => Alias("A", name, lb, zone);

    public static Route53RecordSet AliasAaaa(string name, string lb = Alb, string zone = AlbZone) => Alias("AAAA", name, lb, zone);

    public static Route53RecordSet A(string name, string ip, long ttl = 300) => new(name + ".", "A") { Ttl = ttl, Values = [ip] };

    public static Route53RecordSet Cname(string name, string target, long ttl = 300) => new(name + ".", "CNAME") { Ttl = ttl, Values = [target] };

    public static Route53RecordSet Txt(string name, string value, long ttl = 300) => new(name + ".", "TXT") { Ttl = ttl, Values = [value] };

    public static Route53RecordSet Owned(string txtName, string owner, string resource) => Txt(txtName, Heritage(owner, resource));

    /// <summary>A v0.22 Ingress on a load balancer: A and AAAA ALIAS, each with its typed TXT record.</summary>
    public static Route53RecordSet[] V22Alias(string name, string owner, string resource, string lb = Alb, string zone = AlbZone) =>
    [
        AliasA(name, lb, zone), Owned("a-" + name, owner, resource),
        AliasAaaa(name, lb, zone), Owned("aaaa-" + name, owner, resource),
    ];

    public static Route53RecordSet Weighted(this Route53RecordSet record, string setIdentifier, long weight) =>
        record with { SetIdentifier = setIdentifier, Weight = weight };

    public static V1Ingress Ingress(string name, string[] hosts, string? lb = Alb, Dictionary<string, string>? annotations = null, string[]? tlsHosts = null, string? className = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Annotations = annotations },
        Spec = new V1IngressSpec
        {
            IngressClassName = className,
            Rules = [.. hosts.Select(h => new V1IngressRule { Host = h })],
            Tls = tlsHosts is null ? null : [new V1IngressTLS { Hosts = [.. tlsHosts], SecretName = name + "-tls" }],
        },
        Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = lb is null ? [] : [new V1IngressLoadBalancerIngress { Hostname = lb }] } },
    };

    public static V1Service LoadBalancerService(string name, string hostname, string? lbHostname = null, string? ip = null, string? ttl = null)
    {
        var annotations = new Dictionary<string, string> { ["external-dns.alpha.kubernetes.io/hostname"] = hostname };
        if (ttl is not null)
        {
            annotations["external-dns.alpha.kubernetes.io/ttl"] = ttl;
        }

        return new V1Service
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "default", Annotations = annotations },
            Spec = new V1ServiceSpec { Type = "LoadBalancer", Ports = [new V1ServicePort { Port = 443 }] },
            Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Hostname = lbHostname, Ip = ip }] } },
        };
    }
}
