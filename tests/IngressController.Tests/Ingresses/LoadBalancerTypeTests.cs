using AwsIntegrations.IngressController.Ingresses;
using k8s;
using k8s.Models;

namespace AwsIntegrations.IngressController.Tests.Ingresses;

/// <summary>Which load balancer type an Ingress gets, as kube-ingress-aws-controller's kubernetes/adapter.go newIngress decides it.</summary>
public class LoadBalancerTypeTests
{
    private static readonly IngressDefaults Network = new("internet-facing", "ipv4", "ELBSecurityPolicy-TLS13-1-2-2021-06", null, true, false, "network");

    private static IngressModel Read(IngressDefaults defaults, Dictionary<string, string> annotations, params string[] hosts) => IngressReader.Read(new V1Ingress
    {
        Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = "web", Annotations = annotations },
        Spec = new V1IngressSpec { Rules = [.. (hosts.Length == 0 ? ["shop.example.org"] : hosts).Select(h => new V1IngressRule { Host = h })] },
    }, defaults);

    [Fact]
    public void DefaultNetwork_Nothing_IsAnNlb_WithoutWhatAnNlbHasNoUseFor()
    {
        var model = Read(Network with { Waf = "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/a/1", Redirect = true }, []);

        model.Group.Type.Should().Be("network");
        (model.Group.SecurityGroup, model.Group.Waf, model.Group.Redirect).Should().Be((null, null, false));
    }

    [Theory]
    [InlineData("zalando.org/aws-load-balancer-scheme", "internal")]
    [InlineData("zalando.org/aws-load-balancer-security-group", "sg-0abc")]
    [InlineData("zalando.org/aws-waf-web-acl-id", "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/a/1")]
    public void DefaultNetwork_InternalSecurityGroupOrWaf_IsAnAlb(string key, string value)
    {
        var model = Read(Network, new() { [key] = value });

        model.Group.Type.Should().Be("application");
        model.Problems.Should().BeEmpty();
    }

    [Fact]
    public void NlbAskedFor_WithASecurityGroup_StaysAnNlb_AndTheAnnotationIsIgnoredWithAProblem()
    {
        var model = Read(Network, new() { ["zalando.org/aws-load-balancer-type"] = "nlb", ["zalando.org/aws-load-balancer-security-group"] = "sg-0abc" });

        model.Group.Type.Should().Be("network");
        model.Group.SecurityGroup.Should().BeNull();
        model.Problems.Should().ContainSingle().Which.Reason.Should().Be("InvalidAnnotation");
    }

    [Fact]
    public void AlbAskedFor_UnderADefaultOfNetwork_IsAnAlb_AndTheGroupHashOfAlbsDoesNotChange()
    {
        var asked = Read(Network, new() { ["zalando.org/aws-load-balancer-type"] = "alb" });
        var plain = Read(Network with { Type = "application" }, []);

        asked.Group.Should().Be(plain.Group);
        asked.Group.Hash.Should().Be(new GroupKey("internet-facing", "ipv4", null, "ELBSecurityPolicy-TLS13-1-2-2021-06", null, true, false).Hash);
    }

    [Fact]
    public void ClusterLocalDomain_HostsInItAreLeftOut_OnlySuchHostsMeanNoLoadBalancer()
    {
        var defaults = Network with { ClusterLocalDomain = "cluster.local" };

        Read(defaults, [], "shop.skipper.cluster.local").ClusterLocalOnly.Should().BeTrue();
        var mixed = Read(defaults, [], "shop.skipper.cluster.local", "shop.example.org");
        mixed.ClusterLocalOnly.Should().BeFalse();
        mixed.Hosts.Should().Equal("shop.example.org");
        Read(defaults, [], "mycluster.local.example.org").Hosts.Should().Equal("mycluster.local.example.org");
    }
}
