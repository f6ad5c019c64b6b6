using AwsIntegrations.DnsController.Sources;
using k8s;
using k8s.Models;

namespace AwsIntegrations.DnsController.Tests.Sources;

/// <summary>Which Ingresses and names are published, as external-dns' ingress source decides (source/ingress.go, v0.22.0).</summary>
public class SourceObjectsTests
{
    private static V1Ingress Ingress(string? className = null, string? classAnnotation = null, string[]? hosts = null, string[]? tlsHosts = null, Dictionary<string, string>? annotations = null)
    {
        annotations ??= [];
        if (classAnnotation is not null)
        {
            annotations[SourceObjects.IngressClassAnnotation] = classAnnotation;
        }

        return new V1Ingress
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default", Annotations = annotations },
            Spec = new V1IngressSpec
            {
                IngressClassName = className,
                Rules = [.. (hosts ?? ["www.example.com"]).Select(h => new V1IngressRule { Host = h })],
                Tls = tlsHosts is null ? null : [new V1IngressTLS { Hosts = [.. tlsHosts], SecretName = "tls" }],
            },
        };
    }

    // source/ingress.go filterByIngressClass: spec.ingressClassName when set, else the kubernetes.io/ingress.class annotation.
    [Theory]
    [InlineData(null, null, new string[0], true)]
    [InlineData("nginx", null, new string[0], true)]
    [InlineData("nginx", null, new[] { "aws-integrations" }, false)]
    [InlineData("aws-integrations", "nginx", new[] { "aws-integrations" }, true)]
    [InlineData(null, "aws-integrations", new[] { "aws-integrations" }, true)]
    [InlineData("", "aws-integrations", new[] { "aws-integrations" }, true)]
    [InlineData(null, null, new[] { "aws-integrations" }, false)]
    [InlineData("alb", null, new[] { "aws-integrations", "alb" }, true)]
    public void HasClass_FollowsExternalDns(string? className, string? annotation, string[] classes, bool selected)
    {
        SourceObjects.HasClass(Ingress(className, annotation), classes).Should().Be(selected);
    }

    // source/ingress.go endpointsFromIngress: rule hosts, then spec.tls hosts unless --ignore-ingress-tls-spec.
    [Fact]
    public void FromIngress_PublishesTlsHostsByDefault()
    {
        var ingress = Ingress(hosts: ["www.example.com"], tlsHosts: ["www.example.com", "secure.example.com"]);

        SourceObjects.FromIngress(ingress, SourceSettings.Everything).Hosts.Should().Equal("www.example.com", "secure.example.com");
        SourceObjects.FromIngress(ingress, SourceSettings.Everything with { IgnoreIngressTlsSpec = true }).Hosts.Should().Equal("www.example.com");
        SourceObjects.FromIngress(ingress, SourceSettings.Everything with { IgnoreIngressRulesSpec = true }).Hosts.Should().Equal("www.example.com", "secure.example.com");
        SourceObjects.FromIngress(Ingress(tlsHosts: ["secure.example.com"]), SourceSettings.Everything with { IgnoreIngressRulesSpec = true }).Hosts.Should().Equal("secure.example.com");
    }

    [Theory]
    [InlineData("defined-hosts-only", false, "www.example.com")]
    [InlineData("annotation-only", true, "")]
    public void FromIngress_HostnameSourceAnnotation_NarrowsTheNames(string source, bool usesAnnotation, string hosts)
    {
        var ingress = Ingress(annotations: new() { ["external-dns.alpha.kubernetes.io/ingress-hostname-source"] = source, ["external-dns.alpha.kubernetes.io/hostname"] = "api.example.com" });

        var mapped = SourceObjects.FromIngress(ingress, SourceSettings.Everything);

        string.Join(",", mapped.Hosts).Should().Be(hosts);
        mapped.UsesHostnameAnnotation.Should().Be(usesAnnotation);
    }

    [Fact]
    public void Select_IgnoreHostnameAnnotation_ServicesPublishNothing()
    {
        var service = new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = "default", Annotations = new Dictionary<string, string>() { ["external-dns.alpha.kubernetes.io/hostname"] = "api.example.com" } },
            Spec = new V1ServiceSpec { Type = "LoadBalancer" },
            Status = new V1ServiceStatus { LoadBalancer = new V1LoadBalancerStatus { Ingress = [new V1LoadBalancerIngress { Ip = "192.0.2.1" }] } },
        };

        var selected = SourceObjects.Select(SourceSettings.Everything with { IgnoreHostnameAnnotation = true }, [], [service]);

        EndpointBuilder.Build(selected.Single(), new RecordSettings(), _ => null).Records.Should().BeEmpty();
        EndpointBuilder.Build(SourceObjects.Select(SourceSettings.Everything, [], [service]).Single(), new RecordSettings(), _ => null).Records.Should().ContainSingle();
    }

    // external-dns source/annotations/processors.go IsControllerMismatch: an object claimed by another controller is skipped.
    [Theory]
    [InlineData(null, true)]
    [InlineData("dns-controller", true)]
    [InlineData("other-controller", false)]
    public void Select_ControllerAnnotation_OnlyDnsControllerOrNone(string? controller, bool selected)
    {
        var annotations = controller is null ? new Dictionary<string, string>() : new() { ["external-dns.alpha.kubernetes.io/controller"] = controller };

        SourceObjects.Select(SourceSettings.Everything, [Ingress(annotations: annotations)], []).Should().HaveCount(selected ? 1 : 0);
    }

    [Fact]
    public void HasHostname_SeesRulesTlsAndTheAnnotation()
    {
        SourceObjects.HasHostname(Ingress()).Should().BeTrue();
        SourceObjects.HasHostname(Ingress(hosts: [])).Should().BeFalse();
        SourceObjects.HasHostname(Ingress(hosts: [], tlsHosts: ["a.example.com"])).Should().BeTrue();
        SourceObjects.HasHostname(Ingress(hosts: [], annotations: new() { ["external-dns.kubernetes.io/hostname"] = "a.example.com" })).Should().BeTrue();
    }
}
