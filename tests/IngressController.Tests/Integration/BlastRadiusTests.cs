using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.IngressController.Tests.Integration;

/// <summary>
/// One tenant's bad Ingress never stalls the others: bad values are that Ingress's problem (an Event on it, defaults used),
/// and a write AWS refuses stops only the load balancer it was for. kube-ingress-aws-controller skips only the offending
/// Ingress (worker.go: "Failed to find certificate %s for %s") and ignores an unknown SSL policy (kubernetes/adapter.go).
/// </summary>
public class BlastRadiusTests
{
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);

    // The certificate ARN of kube-ingress-aws-controller's README example: not in this account.
    private const string UnknownCertificate = "arn:aws:acm:eu-central-1:123456789012:certificate/f4bd7ed6-bf23-11e6-8db1-ef7ba1500c61";
    private const string UnknownIamCertificate = "arn:aws:iam::123456789012:server-certificate/legacy-shop";
    private const string UnknownSecurityGroup = "sg-0000000000000dead";

    private static readonly string[] Good = ["good-a", "good-b"];
    private static readonly string[] SharingTheDefaultLoadBalancer = ["good-a", "good-b", "bad-cert-arn", "bad-policy", "bad-scheme", "bad-waf-id", "bad-type", "bad-iam-cert"];

    private static async Task<(ControllerHarness H, string A, string B, string P)> ClusterWithGoodAndBadIngressesAsync()
    {
        var h = await ControllerHarness.StartAsync();
        h.Aws.State.Behavior.LoadBalancerProvisioning = TimeSpan.Zero; // this test is about one pass; ProvisioningTests covers the wait
        var a = h.AddCertificate("a", NextYear, "a.example.org");
        var b = h.AddCertificate("b", NextYear, "b.example.org");
        var p = h.AddCertificate("p", NextYear, "p.example.org");
        h.AddCertificate("w", NextYear, "waf.example.org");
        h.AddCertificate("s", NextYear, "sg.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        var missingAcl = $"arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/missing/{Guid.NewGuid()}";

        await h.ApplyIngressAsync("good-a", ["a.example.org"]);
        await h.ApplyIngressAsync("good-b", ["b.example.org"]);
        await h.ApplyIngressAsync("bad-cert-arn", ["shop.example.org"], new() { ["zalando.org/aws-load-balancer-ssl-cert"] = UnknownCertificate });
        await h.ApplyIngressAsync("bad-policy", ["p.example.org"], new() { ["zalando.org/aws-load-balancer-ssl-policy"] = "ELBSecurityPolicy-TLS-1-2-2099-01" });
        await h.ApplyIngressAsync("bad-scheme", ["a.example.org"], new() { ["zalando.org/aws-load-balancer-scheme"] = "public" });
        await h.ApplyIngressAsync("bad-waf-id", ["b.example.org"], new() { ["zalando.org/aws-waf-web-acl-id"] = "0c8e5f1a-2b3c-4d5e-8f90-1a2b3c4d5e6f" });
        await h.ApplyIngressAsync("bad-type", ["a.example.org"], new() { ["zalando.org/aws-load-balancer-type"] = "gateway" });
        await h.ApplyIngressAsync("bad-iam-cert", ["iam.example.org"], new() { ["zalando.org/aws-load-balancer-ssl-cert"] = UnknownIamCertificate });
        await h.ApplyIngressAsync("bad-sg", ["sg.example.org"], new() { ["zalando.org/aws-load-balancer-security-group"] = UnknownSecurityGroup });
        await h.ApplyIngressAsync("bad-waf-acl", ["waf.example.org"], new() { ["zalando.org/aws-waf-web-acl-id"] = missingAcl });
        return (h, a, b, p);
    }

    [Fact]
    public async Task BadIngressesOfEveryKind_BesideGoodOnes_TheGoodOnesConvergeInTheSamePass_TheBadOnesGetAnEvent()
    {
        var (h, a, b, p) = await ClusterWithGoodAndBadIngressesAsync();
        await using var _ = h;

        (await h.PassAsync()).Succeeded.Should().BeTrue("what one Ingress asks for never fails the pass of the others");

        var shared = h.LoadBalancers().Single(lb => h.Aws.State.ElbTags[lb.Arn]["aws-integrations/ingress-group"] == GroupOf(h, "good-a"));
        var listeners = h.ListenersOf(shared.Arn);
        listeners.Select(l => (l.Protocol, l.Port)).Should().BeEquivalentTo([("HTTPS", 443), ("HTTP", 80)]);
        listeners.Single(l => l.Port == 443).Certificates.Select(c => c.Arn).Should().BeEquivalentTo([a, b, p],
            "the good certificates land; the IAM certificate AWS refuses is found out on its own and left out");
        listeners.Single(l => l.Port == 443).SslPolicy.Should().Be("ELBSecurityPolicy-TLS13-1-2-2021-06");
        h.TargetGroups().Single(t => t.Name == shared.Name).Targets.Should().ContainSingle();
        foreach (var name in SharingTheDefaultLoadBalancer)
        {
            (await h.StatusHostnameAsync(name)).Should().Be(shared.DnsName.ToLowerInvariant(), $"{name} is served by the shared load balancer");
        }

        foreach (var name in Good)
        {
            (await h.EventsOfAsync(name)).Should().BeEmpty();
        }

        (await h.EventsOfAsync("bad-cert-arn")).Should().Contain(e => e.Reason == "CertificateNotFound" && e.Message.Contains(UnknownCertificate, StringComparison.Ordinal));
        (await h.EventsOfAsync("bad-policy")).Should().ContainSingle().Which.Should().Be(("InvalidAnnotation",
            "annotation zalando.org/aws-load-balancer-ssl-policy: \"ELBSecurityPolicy-TLS-1-2-2099-01\" is not valid; allowed: one of AWS's predefined security policies (e.g. ELBSecurityPolicy-TLS13-1-2-2021-06); using ELBSecurityPolicy-TLS13-1-2-2021-06"));
        (await h.EventsOfAsync("bad-scheme")).Should().ContainSingle().Which.Reason.Should().Be("InvalidAnnotation");
        (await h.EventsOfAsync("bad-waf-id")).Should().ContainSingle().Which.Message.Should().Contain("classic WAF web ACL ids are not supported");
        (await h.EventsOfAsync("bad-type")).Should().ContainSingle().Which.Message.Should().Contain("zalando.org/aws-load-balancer-type");
        (await h.EventsOfAsync("bad-iam-cert")).Should().Contain(e => e.Reason == "CertificateNotFound" && e.Message.Contains("AWS refused certificate " + UnknownIamCertificate, StringComparison.Ordinal));

        // A security group AWS does not know: only that Ingress's own group is refused, with AWS's answer on it.
        (await h.StatusHostnameAsync("bad-sg")).Should().BeNull();
        h.LoadBalancers().Should().NotContain(lb => h.Aws.State.ElbTags[lb.Arn]["aws-integrations/ingress-group"] == GroupOf(h, "bad-sg"));
        (await h.EventsOfAsync("bad-sg")).Should().ContainSingle().Which.Should().Match<(string Reason, string Message)>(e =>
            e.Reason == "SecurityGroupNotFound" && e.Message.StartsWith("AWS refused CreateLoadBalancer for load balancer ", StringComparison.Ordinal) && e.Message.Contains("InvalidSecurityGroup", StringComparison.Ordinal));

        // A web ACL AWS does not know: the Ingress gets its load balancer and its status, without the ACL, and an Event.
        var wafLb = h.LoadBalancers().Single(lb => h.Aws.State.ElbTags[lb.Arn]["aws-integrations/ingress-group"] == GroupOf(h, "bad-waf-acl"));
        (await h.StatusHostnameAsync("bad-waf-acl")).Should().Be(wafLb.DnsName.ToLowerInvariant());
        (await h.EventsOfAsync("bad-waf-acl")).Should().ContainSingle().Which.Reason.Should().Be("WebAclNotAssociated");
        h.WebAclOf(wafLb.Arn).Should().BeNull();
    }

    [Fact]
    public async Task AfterTheBadPass_NothingRefusedIsAskedAgain_NewAndFixedIngressesStillConverge()
    {
        var (h, _, _, _) = await ClusterWithGoodAndBadIngressesAsync();
        await using var _h = h;
        var first = await h.PassAsync();
        await h.StatusSeenAsync("good-a");

        h.Calls.Clear();
        h.Time.Advance(first.RequeueAfter!.Value);
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.Calls.All.Where(c => c.Operation.StartsWith("Create", StringComparison.Ordinal) || c.Operation.StartsWith("Add", StringComparison.Ordinal)
            || c.Operation.StartsWith("Associate", StringComparison.Ordinal)).Should().BeEmpty("AWS would refuse the same writes again; they wait for a change or the resync");

        // A new Ingress converges while the bad ones are still there.
        var c = h.AddCertificate("c", NextYear, "c.example.org");
        h.Time.Advance(h.Options.CertPollingInterval);
        await h.ApplyIngressAsync("good-c", ["c.example.org"]);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.CallNames("elbv2").Should().Equal("elbv2:AddListenerCertificates");
        var sharedName = await h.StatusHostnameAsync("good-a");
        var shared = h.LoadBalancers().Single(lb => lb.DnsName.Equals(sharedName, StringComparison.OrdinalIgnoreCase));
        h.ListenersOf(shared.Arn).Single(l => l.Port == 443).Certificates.Select(x => x.Arn).Should().Contain(c);
        (await h.StatusHostnameAsync("good-c")).Should().Be(shared.DnsName.ToLowerInvariant());

        // The owner fixes the security group: its load balancer is made at once, without waiting for the resync.
        await h.ApplyIngressAsync("bad-sg", ["sg.example.org"], new() { ["zalando.org/aws-load-balancer-security-group"] = "sg-0a1b2c3d4e5f60001" });
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        var fixedLb = h.LoadBalancers().Single(lb => h.Aws.State.ElbTags[lb.Arn]["aws-integrations/ingress-group"] == GroupOf(h, "bad-sg"));
        fixedLb.SecurityGroups.Should().Equal("sg-0a1b2c3d4e5f60001");
        (await h.StatusHostnameAsync("bad-sg")).Should().Be(fixedLb.DnsName.ToLowerInvariant());
    }

    [Fact]
    public async Task RefusedWriteIsTriedOnceMoreAtTheResync_AndLandsWhenAwsNowTakesIt()
    {
        var (h, _, _, _) = await ClusterWithGoodAndBadIngressesAsync();
        await using var _h = h;
        await h.PassAsync();
        lock (h.Aws.State.Gate)
        {
            h.Aws.State.SecurityGroups.Add(new SecurityGroup { Id = UnknownSecurityGroup, Name = "created-later", VpcId = "vpc-0a1b2c3d4e5f60001" });
        }

        h.Time.Advance(h.Options.ResyncInterval);
        await h.ConvergeAsync();

        var lb = h.LoadBalancers().Single(l => h.Aws.State.ElbTags[l.Arn]["aws-integrations/ingress-group"] == GroupOf(h, "bad-sg"));
        lb.SecurityGroups.Should().Equal(UnknownSecurityGroup);
        (await h.StatusHostnameAsync("bad-sg")).Should().Be(lb.DnsName.ToLowerInvariant());
    }

    [Fact]
    public async Task OwnLoadBalancer_WhoseOnlyCertificateAwsRefuses_IsFinishedWithoutIt_NextPass()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.Aws.State.Behavior.LoadBalancerProvisioning = TimeSpan.Zero;
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("legacy", ["legacy.example.org"],
            new() { ["zalando.org/aws-load-balancer-ssl-cert"] = UnknownIamCertificate, ["zalando.org/aws-load-balancer-shared"] = "false" });

        var first = await h.PassAsync();
        first.Succeeded.Should().BeTrue();
        first.RequeueAfter.Should().BeLessThan(TimeSpan.FromSeconds(5), "the load balancer is finished without the refused certificate soon");
        h.Time.Advance(first.RequeueAfter!.Value);
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        var lb = h.LoadBalancers().Should().ContainSingle().Subject;
        h.ListenersOf(lb.Arn).Should().ContainSingle().Which.Port.Should().Be(80, "HTTP still serves it");
        (await h.StatusHostnameAsync("legacy")).Should().Be(lb.DnsName.ToLowerInvariant());
        (await h.EventsOfAsync("legacy")).Should().Contain(e => e.Reason == "CertificateNotFound" && e.Message.Contains("AWS refused certificate", StringComparison.Ordinal));
    }

    private static string GroupOf(ControllerHarness h, string ingress)
    {
        var model = IngressController.Ingresses.IngressReader.Read(h.Controller.Cluster.Ingresses.Get("default", ingress)!, IngressController.Ingresses.IngressDefaults.From(h.Options));
        return model.Group.Hash;
    }
}
