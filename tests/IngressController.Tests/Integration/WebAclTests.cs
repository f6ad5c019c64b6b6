namespace AwsIntegrations.IngressController.Tests.Integration;

public class WebAclTests
{
    private const string Wafv2Annotation = "alb.ingress.kubernetes.io/wafv2-acl-arn";
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);

    private static async Task<ControllerHarness> ClusterAsync(Action<AwsIntegrations.IngressController.Options.IngressControllerOptions>? configure = null)
    {
        var h = await ControllerHarness.StartAsync(configure);
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        return h;
    }

    [Fact]
    public async Task IngressWithWebAcl_ConvergesWithTheAssociation_WithExactlyTheseCalls_AndNoWafCallAtRest()
    {
        await using var h = await ClusterAsync();
        var acl = h.AddWebAcl("shop-acl");
        await h.ApplyIngressAsync("shop", ["shop.example.org"], new() { [Wafv2Annotation] = acl });

        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal(
            "elbv2:DescribeLoadBalancers", "elbv2:DescribeTargetGroups",
            "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
            "acm:ListCertificates",
            "elbv2:CreateLoadBalancer", "elbv2:CreateTargetGroup", "elbv2:DescribeTargetGroupAttributes", "elbv2:RegisterTargets",
            "elbv2:CreateListener", "elbv2:CreateListener",
            "wafv2:AssociateWebACL");
        var lb = h.LoadBalancers().Should().ContainSingle().Subject;
        h.WebAclOf(lb.Arn).Should().Be(acl);

        await h.StatusSeenAsync("shop");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.Calls.All.Should().BeEmpty("the association is known from the write; WAF is not asked at rest");

        h.Time.Advance(h.Options.ResyncInterval);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.CallNames("wafv2").Should().Equal(["wafv2:GetWebACLForResource"], "a resync checks the association once and finds it as wanted");
    }

    [Fact]
    public async Task ZalandoKeyAndClusterDefault_AreUsedToo()
    {
        await using var h = await ClusterAsync();
        var clusterDefault = h.AddWebAcl("cluster-default");
        h.Options.WafWebAclArn = clusterDefault;
        await h.StartControllerAsync(); // the flag is read at start
        var own = h.AddWebAcl("own");
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ApplyIngressAsync("blog", ["blog.example.org"], new() { ["zalando.org/aws-waf-web-acl-id"] = own });

        await h.ConvergeAsync();

        h.LoadBalancers().Select(l => h.WebAclOf(l.Arn)).Should().BeEquivalentTo([clusterDefault, own], "different ACLs never share a load balancer");
    }

    [Fact]
    public async Task RemovingTheAnnotation_FromAnIngressWithItsOwnLoadBalancer_DisassociatesOnTheSameLoadBalancer()
    {
        await using var h = await ClusterAsync();
        var acl = h.AddWebAcl("shop-acl");
        await h.ApplyIngressAsync("shop", ["shop.example.org"], new() { [Wafv2Annotation] = acl, ["zalando.org/aws-load-balancer-shared"] = "false" });
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");
        var lb = h.LoadBalancers().Single();
        h.WebAclOf(lb.Arn).Should().Be(acl);

        await h.ApplyIngressAsync("shop", ["shop.example.org"], new() { ["zalando.org/aws-load-balancer-shared"] = "false" });
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal("wafv2:DisassociateWebACL");
        h.LoadBalancers().Should().ContainSingle().Which.Arn.Should().Be(lb.Arn);
        h.WebAclOf(lb.Arn).Should().BeNull();
    }

    [Fact]
    public async Task RemovingTheAnnotation_FromASharedLoadBalancer_MovesTheIngressToTheGroupWithoutAcl()
    {
        await using var h = await ClusterAsync();
        var acl = h.AddWebAcl("shop-acl");
        await h.ApplyIngressAsync("shop", ["shop.example.org"], new() { [Wafv2Annotation] = acl });
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");
        var withAcl = h.LoadBalancers().Single();

        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ConvergeAsync();

        var without = h.LoadBalancers().Should().ContainSingle(l => l.Arn != withAcl.Arn).Subject;
        h.WebAclOf(without.Arn).Should().BeNull();
        (await h.GetIngressAsync("shop")).Status!.LoadBalancer!.Ingress!.Single().Hostname.Should().Be(without.DnsName.ToLowerInvariant());
        h.WebAclOf(withAcl.Arn).Should().Be(acl, "the old load balancer keeps protecting clients that still resolve it until it is removed after the grace");
    }

    [Fact]
    public async Task UnknownWebAcl_EventOnTheIngress_TheLoadBalancerStillServes_AndNoRetryBeforeResync()
    {
        await using var h = await ClusterAsync();
        var unknown = $"arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/gone/{Guid.NewGuid()}";
        await h.ApplyIngressAsync("shop", ["shop.example.org"], new() { [Wafv2Annotation] = unknown });

        await h.ConvergeAsync();
        await h.Controller.Events.FlushAsync();

        var lb = h.LoadBalancers().Should().ContainSingle().Subject;
        h.WebAclOf(lb.Arn).Should().BeNull();
        (await h.GetIngressAsync("shop")).Status!.LoadBalancer!.Ingress!.Single().Hostname.Should().Be(lb.DnsName.ToLowerInvariant());
        var events = h.Kube.All("Event", "default").Select(e => (Reason: e["reason"]!.GetValue<string>(), Message: e["message"]!.GetValue<string>())).ToList();
        events.Should().ContainSingle(e => e.Reason == "WebAclNotAssociated").Which.Message.Should().Contain(unknown).And.Contain("WAFNonexistentItemException");

        await h.StatusSeenAsync("shop");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        await h.Controller.Events.FlushAsync();
        h.Calls.All.Should().BeEmpty("a refused ACL is tried again on the next resync, not on every pass");
        h.Kube.All("Event", "default").Where(e => e["reason"]!.GetValue<string>() == "WebAclNotAssociated").Should().HaveCount(1, "reported once while it lasts");
    }

    [Fact]
    public async Task ClassicWafId_InvalidAnnotationEvent_SaysClassicIsNotSupported_AndTheIngressIsServedWithoutAcl()
    {
        await using var h = await ClusterAsync();
        await h.ApplyIngressAsync("shop", ["shop.example.org"], new() { ["zalando.org/aws-waf-web-acl-id"] = "0c8e5f1a-2b3c-4d5e-8f90-1a2b3c4d5e6f" });

        (await h.PassAsync()).Succeeded.Should().BeTrue();
        await h.Controller.Events.FlushAsync();

        h.CallNames("wafv2").Should().BeEmpty();
        h.LoadBalancers().Should().ContainSingle();
        h.Kube.All("Event", "default").Select(e => e["message"]!.GetValue<string>()).Should().Contain(
            "annotation zalando.org/aws-waf-web-acl-id: \"0c8e5f1a-2b3c-4d5e-8f90-1a2b3c4d5e6f\" is not valid; allowed: a WAFv2 web ACL ARN (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>) (classic WAF web ACL ids are not supported); using no web ACL");
    }

    [Fact]
    public async Task AssociationMadeOutsideTheController_OnALoadBalancerWithoutAcl_IsRemovedOnResync()
    {
        await using var h = await ClusterAsync();
        var stray = h.AddWebAcl("stray");
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");
        var lb = h.LoadBalancers().Single();
        await h.Waf.AssociateWebAclAsync(stray, lb.Arn);

        h.Time.Advance(h.Options.ResyncInterval);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames("wafv2").Should().Equal("wafv2:GetWebACLForResource", "wafv2:DisassociateWebACL");
        h.WebAclOf(lb.Arn).Should().BeNull();
    }

    [Fact]
    public async Task WafThrottledBeyondRetries_PassFailsAfterTheElbWrites_AndTheNextPassAssociates()
    {
        await using var h = await ClusterAsync();
        var acl = h.AddWebAcl("shop-acl");
        await h.ApplyIngressAsync("shop", ["shop.example.org"], new() { [Wafv2Annotation] = acl });
        h.Aws.Faults.FailNext("wafv2", "AssociateWebACL", 3, "ThrottlingException", 400);

        (await h.PassAsync()).Succeeded.Should().BeFalse();
        h.LoadBalancers().Should().ContainSingle("the load balancer is made; only the association waits");
        h.CallNames("elbv2").Should().Contain("elbv2:CreateListener");

        await h.ConvergeAsync();
        (await h.GetIngressAsync("shop")).Status!.LoadBalancer!.Ingress.Should().ContainSingle();
        h.WebAclOf(h.LoadBalancers().Single().Arn).Should().Be(acl);
        h.LoadBalancers().Should().ContainSingle();
    }

    [Fact]
    public async Task ReadingAssociationsDenied_TheControllerKeepsWorking_AndOnlyIngressesWantingAnAclGetAnEvent()
    {
        await using var h = await ClusterAsync();
        h.AddCertificate("blog", NextYear, "blog.example.org");
        var acl = h.AddWebAcl("blog-acl");
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ApplyIngressAsync("blog", ["blog.example.org"], new() { [Wafv2Annotation] = acl });
        await h.ConvergeAsync();
        h.Aws.Faults.FailWith("wafv2", null, "AccessDeniedException", 400); // an IAM policy without the wafv2 actions

        await h.StartControllerAsync();
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue("ELBv2 work does not depend on WAF");
        await h.Controller.Events.FlushAsync();

        h.CallNames("wafv2").Should().Equal(["wafv2:GetWebACLForResource"], "the first denied read stops the reads; nothing is associated or removed on a guess");
        h.LoadBalancers().Should().HaveCount(2);
        h.LoadBalancers().Select(l => h.WebAclOf(l.Arn)).Should().Contain(acl);
        var events = h.Kube.All("Event", "default").Where(e => e["reason"]!.GetValue<string>() == "WebAclNotAssociated").ToList();
        events.Should().ContainSingle().Which["involvedObject"]!["name"]!.GetValue<string>().Should().Be("blog");
        events[0]["message"]!.GetValue<string>().Should().Contain("cannot be read").And.Contain("AccessDeniedException");
    }
}
