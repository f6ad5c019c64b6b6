using AwsIntegrations.IngressController.Ingresses;
using k8s;
using k8s.Models;

namespace AwsIntegrations.IngressController.Tests.Ingresses;

public class IngressReaderTests
{
    private static readonly IngressDefaults Defaults = new("internet-facing", "ipv4", "ELBSecurityPolicy-TLS13-1-2-2021-06", null, true, false);

    private static V1Ingress Ingress(Dictionary<string, string>? annotations = null, string? className = "aws-integrations", params string[] hosts) => new()
    {
        Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = "web", Annotations = annotations },
        Spec = new V1IngressSpec
        {
            IngressClassName = className,
            Rules = [.. hosts.Select(h => new V1IngressRule { Host = h })],
        },
    };

    [Fact]
    public void Read_HostsFromRulesAndTls_LowerCasedAndDeduplicated()
    {
        var ingress = Ingress(null, "aws-integrations", "Shop.Example.org", "api.example.org");
        ingress.Spec!.Tls = [new V1IngressTLS { Hosts = ["shop.example.org", "extra.example.org"] }];

        IngressReader.Read(ingress, Defaults).Hosts.Should().Equal("api.example.org", "extra.example.org", "shop.example.org");
    }

    [Fact]
    public void Read_KubeIngressAwsControllerAndAlbControllerAnnotations_SetTheGroup()
    {
        var model = IngressReader.Read(Ingress(new()
        {
            ["zalando.org/aws-load-balancer-scheme"] = "internal",
            ["alb.ingress.kubernetes.io/ip-address-type"] = "dualstack",
            ["zalando.org/aws-load-balancer-security-group"] = "sg-0abc",
            ["zalando.org/aws-load-balancer-http2"] = "false",
            ["alb.ingress.kubernetes.io/ssl-redirect"] = "443",
            ["zalando.org/aws-load-balancer-shared"] = "false",
        }), Defaults);

        model.Group.Should().Be(new GroupKey("internal", "dualstack", "sg-0abc", Defaults.SslPolicy, null, false, true, "web/shop"));
        model.HttpsOnly.Should().BeTrue();
        model.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_ExplicitCertificates_CommaList()
    {
        var model = IngressReader.Read(Ingress(new()
        {
            ["alb.ingress.kubernetes.io/certificate-arn"] = "arn:aws:acm:eu-central-1:123456789012:certificate/a, arn:aws:acm:eu-central-1:123456789012:certificate/b",
        }), Defaults);

        model.ExplicitCertificates.Should().Equal("arn:aws:acm:eu-central-1:123456789012:certificate/a", "arn:aws:acm:eu-central-1:123456789012:certificate/b");
    }

    [Theory]
    [InlineData("zalando.org/aws-load-balancer-scheme", "public", "internet-facing or internal")]
    [InlineData("zalando.org/aws-load-balancer-http2", "yes", "\"true\" or \"false\"")]
    [InlineData("alb.ingress.kubernetes.io/ip-address-type", "ipv6", "ipv4 or dualstack")]
    [InlineData("zalando.org/aws-load-balancer-ssl-policy", "TLS-best", "one of AWS's predefined security policies (e.g. ELBSecurityPolicy-TLS13-1-2-2021-06)")]
    [InlineData("zalando.org/aws-load-balancer-ssl-policy", "ELBSecurityPolicy-TLS-1-2-2099-01", "one of AWS's predefined security policies (e.g. ELBSecurityPolicy-TLS13-1-2-2021-06)")]
    [InlineData("zalando.org/aws-load-balancer-type", "gwlb", "\"nlb\" or \"alb\"")]
    [InlineData("zalando.org/aws-load-balancer-security-group", "sg-1,sg-2", "one security group id (sg-…)")]
    [InlineData("alb.ingress.kubernetes.io/ssl-redirect", "8443", "\"443\", \"true\" or \"false\"")]
    [InlineData("zalando.org/aws-load-balancer-ssl-cert", "not-an-arn", "ACM or IAM certificate ARNs (arn:aws:acm:…:certificate/…), comma separated")]
    [InlineData("alb.ingress.kubernetes.io/wafv2-acl-arn", "arn:aws:waf-regional:eu-central-1:123456789012:webacl/0c8e", "a WAFv2 web ACL ARN (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>)")]
    [InlineData("zalando.org/aws-waf-web-acl-id", "0c8e5f1a", "a WAFv2 web ACL ARN (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>) (classic WAF web ACL ids are not supported)")]
    public void Read_InvalidAnnotation_ProblemNamesTheValueAndWhatIsAllowedAndTheDefaultIsUsed(string key, string value, string allowed)
    {
        var model = IngressReader.Read(Ingress(new() { [key] = value }), Defaults);

        model.Problems.Should().ContainSingle().Which.Message.Should().StartWith($"annotation {key}: \"{value}\" is not valid; allowed: {allowed}; using ");
        model.Group.Should().Be(new GroupKey("internet-facing", "ipv4", null, Defaults.SslPolicy, null, true, false));
        model.ExplicitCertificates.Should().BeNull();
    }

    [Fact]
    public void IsOurs_ClassNameAnnotationOrIngressClassOfOurController()
    {
        V1IngressClass ours = new() { Metadata = new V1ObjectMeta { Name = "public" }, Spec = new V1IngressClassSpec { Controller = IngressClassFilter.ControllerName } };
        V1IngressClass theirs = new() { Metadata = new V1ObjectMeta { Name = "nginx" }, Spec = new V1IngressClassSpec { Controller = "k8s.io/ingress-nginx" } };
        V1IngressClass[] classes = [ours, theirs];

        IngressClassFilter.IsOurs(Ingress(), "aws-integrations", classes).Should().BeTrue();
        IngressClassFilter.IsOurs(Ingress(className: "public"), "aws-integrations", classes).Should().BeTrue();
        IngressClassFilter.IsOurs(Ingress(className: "nginx"), "aws-integrations", classes).Should().BeFalse();
        IngressClassFilter.IsOurs(Ingress(new() { ["kubernetes.io/ingress.class"] = "aws-integrations" }, className: null), "aws-integrations", classes).Should().BeTrue();
        IngressClassFilter.IsOurs(Ingress(new() { ["kubernetes.io/ingress.class"] = "nginx" }, className: null), "aws-integrations", classes).Should().BeFalse();
        IngressClassFilter.IsOurs(Ingress(className: null), "aws-integrations", classes).Should().BeFalse();
    }

    [Fact]
    public void IsOurs_NoClassAndOurIngressClassIsTheDefault_True()
    {
        V1IngressClass ours = new()
        {
            Metadata = new V1ObjectMeta { Name = "public", Annotations = new Dictionary<string, string>() { [IngressClassFilter.DefaultClassAnnotation] = "true" } },
            Spec = new V1IngressClassSpec { Controller = IngressClassFilter.ControllerName },
        };

        IngressClassFilter.IsOurs(Ingress(className: null), "aws-integrations", [ours]).Should().BeTrue();
    }
}
