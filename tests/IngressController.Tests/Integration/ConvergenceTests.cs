using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.Testing;

namespace AwsIntegrations.IngressController.Tests.Integration;

public class ConvergenceTests
{
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);

    [Fact]
    public async Task NewTlsIngress_ConvergesToLoadBalancerListenersCertificateTargetsAndStatus_WithExactlyTheseCalls()
    {
        await using var h = await ControllerHarness.StartAsync();
        var shop = h.AddCertificate("shop", NextYear, "shop.example.org");
        var wild = h.AddCertificate("wild", NextYear, "*.api.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.AddNodeAsync("node-2", ControllerHarness.Instances[1]);
        await h.ApplyIngressAsync("shop", ["shop.example.org", "v1.api.example.org"]);

        var first = await h.PassAsync();

        first.Succeeded.Should().BeTrue();
        h.CallNames().Should().Equal(
            "elbv2:DescribeLoadBalancers", "elbv2:DescribeTargetGroups",
            "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
            "acm:ListCertificates",
            "elbv2:CreateLoadBalancer", "elbv2:CreateTargetGroup", "elbv2:DescribeTargetGroupAttributes", "elbv2:RegisterTargets",
            "elbv2:CreateListener", "elbv2:AddListenerCertificates", "elbv2:CreateListener");
        (await h.GetIngressAsync("shop")).Status?.LoadBalancer?.Ingress.Should().BeNullOrEmpty("the load balancer is provisioning");

        // AWS makes the load balancer active within a requeue (3 s in the emulator); that pass reads only its state.
        h.Time.Advance(first.RequeueAfter!.Value);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.CallNames().Should().Equal("elbv2:DescribeLoadBalancers");
        var lb = h.LoadBalancers().Should().ContainSingle().Subject;
        lb.Scheme.Should().Be("internet-facing");
        lb.SubnetIds.Should().BeEquivalentTo(["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]);
        lb.SecurityGroups.Should().Equal("sg-0a1b2c3d4e5f60001");
        h.Aws.State.ElbTags[lb.Arn].Should().Contain("kubernetes.io/cluster/sandbox", "owned").And.Contain("aws-integrations/managed-by", "ingress-controller");
        var listeners = h.ListenersOf(lb.Arn);
        var https = listeners.Should().ContainSingle(l => l.Port == 443).Subject;
        https.Protocol.Should().Be("HTTPS");
        https.SslPolicy.Should().Be("ELBSecurityPolicy-TLS13-1-2-2021-06");
        https.Certificates.Select(c => c.Arn).Should().BeEquivalentTo([shop, wild]);
        var tg = h.TargetGroups().Should().ContainSingle().Subject;
        tg.Port.Should().Be(9999);
        tg.HealthCheckPath.Should().Be("/kube-system/healthz");
        (tg.HealthCheckIntervalSeconds, tg.HealthCheckTimeoutSeconds, tg.HealthyThresholdCount, tg.UnhealthyThresholdCount).Should().Be((10, 5, 5, 2));
        tg.Targets.Select(t => t.Id).Should().BeEquivalentTo(ControllerHarness.Instances.Take(2));
        listeners.Should().ContainSingle(l => l.Port == 80).Which.DefaultActions.Single().TargetGroupArn.Should().Be(tg.Arn);
        (await h.GetIngressAsync("shop")).Status!.LoadBalancer!.Ingress!.Single().Hostname.Should().Be(lb.DnsName.ToLowerInvariant());

        await h.StatusSeenAsync("shop");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.Calls.All.Should().BeEmpty("nothing changed, so a pass between resyncs makes no AWS call at all");
    }

    [Fact]
    public async Task NewHostNeedingANewCertificate_AddsOneListenerCertificateAndNothingElse()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");

        var blog = h.AddCertificate("blog", NextYear, "blog.example.org");
        await h.ApplyIngressAsync("shop", ["shop.example.org", "blog.example.org"]);
        h.Time.Advance(h.Options.CertPollingInterval);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal("acm:ListCertificates", "elbv2:AddListenerCertificates");
        h.ListenersOf(h.LoadBalancers().Single().Arn).Single(l => l.Port == 443).Certificates.Select(c => c.Arn).Should().Contain(blog);
    }

    [Fact]
    public async Task CertificateRotation_NewerCertificateIsAddedBeforeTheOldGoes_AndTheOldLeavesAfterTheGrace()
    {
        await using var h = await ControllerHarness.StartAsync();
        var shop = h.AddCertificate("a-shop", NextYear, "shop.example.org"); // the default certificate (lowest ARN)
        var blogOld = h.AddCertificate("blog-old", DateTimeOffset.UtcNow.AddDays(60), "blog.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org", "blog.example.org"]);
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");
        var lb = h.LoadBalancers().Single();

        var blogNew = h.AddCertificate("blog-new", NextYear, "blog.example.org");
        h.Time.Advance(h.Options.CertPollingInterval);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal("acm:ListCertificates", "elbv2:AddListenerCertificates");
        h.ListenersOf(lb.Arn).Single(l => l.Port == 443).Certificates.Select(c => c.Arn).Should().BeEquivalentTo([shop, blogOld, blogNew]);

        h.Time.Advance(h.Options.CleanupGrace);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames("elbv2").Should().Equal("elbv2:RemoveListenerCertificates");
        h.ListenersOf(lb.Arn).Single(l => l.Port == 443).Certificates.Select(c => c.Arn).Should().BeEquivalentTo([shop, blogNew]);
    }

    [Fact]
    public async Task DefaultCertificateRotation_SwapsTheDefaultInOneCall()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop-old", DateTimeOffset.UtcNow.AddDays(60), "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");

        var shopNew = h.AddCertificate("shop-new", NextYear, "shop.example.org");
        h.Time.Advance(h.Options.CertPollingInterval);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal("acm:ListCertificates", "elbv2:ModifyListener");
        h.ListenersOf(h.LoadBalancers().Single().Arn).Single(l => l.Port == 443).Certificates.Should().Equal((shopNew, true));
    }

    [Fact]
    public async Task NodeChurn_ChangesTargetsOnly()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.AddNodeAsync("node-2", ControllerHarness.Instances[1]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");

        await h.AddNodeAsync("node-3", ControllerHarness.Instances[2]);
        await h.SetNodeReadyAsync("node-1", ready: false);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal("elbv2:RegisterTargets", "elbv2:DeregisterTargets");
        h.RegisteredTargets(h.TargetGroups().Single()).Should().BeEquivalentTo([ControllerHarness.Instances[1], ControllerHarness.Instances[2]]);

        await h.DeleteNodeAsync("node-2");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.CallNames().Should().Equal("elbv2:DeregisterTargets");
    }

    [Fact]
    public async Task DeletingAllIngresses_RemovesEverythingAfterTheGrace_AndNothingElse()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        // Someone else's load balancer and target group with our naming pattern but without our tags: never touched.
        var foreignName = Ownership.From(h.Options).AlbName("ffffff", 0);
        var foreign = await h.Elb.CreateLoadBalancerAsync(new Aws.CreateLoadBalancerRequest(foreignName, ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]));
        await h.Elb.CreateTargetGroupAsync(new Aws.CreateTargetGroupRequest(foreignName, "HTTP", 80, "vpc-0a1b2c3d4e5f60001"));
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        h.Kube.Create("Namespace", null, new System.Text.Json.Nodes.JsonObject { ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "blog" } });
        await h.ApplyIngressAsync("blog", ["shop.example.org"], new() { ["zalando.org/aws-load-balancer-shared"] = "false" }, ns: "blog");
        await h.ConvergeAsync();
        h.LoadBalancers().Should().HaveCount(3, "one shared, one of its own for the unshared Ingress, and the foreign one");

        await h.DeleteIngressAsync("shop");
        await h.DeleteIngressAsync("blog", "blog");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.CallNames("elbv2").Should().Equal(["elbv2:AddTags", "elbv2:AddTags"], "each unneeded load balancer is tagged with when it became so");
        h.Calls.Clear();
        h.Time.Advance(h.Options.CleanupGrace - TimeSpan.FromSeconds(1));
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.CallNames("elbv2").Should().BeEmpty("nothing is removed before the grace");

        h.Time.Advance(TimeSpan.FromSeconds(1));
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames("elbv2").Should().Equal("elbv2:DeleteLoadBalancer", "elbv2:DeleteTargetGroup", "elbv2:DeleteLoadBalancer", "elbv2:DeleteTargetGroup");
        h.LoadBalancers().Should().ContainSingle().Which.Arn.Should().Be(foreign.Arn);
        h.TargetGroups().Should().ContainSingle().Which.Name.Should().Be(foreignName);
    }

    [Fact]
    public async Task IngressLeavingOurClass_LosesItsStatus()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");

        await h.ApplyIngressAsync("shop", ["shop.example.org"], className: "nginx");
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        (await h.GetIngressAsync("shop")).Status?.LoadBalancer?.Ingress.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task HostWithoutCertificate_EventOnTheIngress_AndStillServedOnHttp()
    {
        await using var h = await ControllerHarness.StartAsync();
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("plain", ["plain.example.org"], new() { ["zalando.org/aws-load-balancer-scheme"] = "public" });

        (await h.PassAsync()).Succeeded.Should().BeTrue();
        await h.Controller.Events.FlushAsync();

        var lb = h.LoadBalancers().Should().ContainSingle().Subject;
        h.ListenersOf(lb.Arn).Should().ContainSingle().Which.Port.Should().Be(80);
        var events = h.Kube.All("Event", "default").Select(e => (Reason: e["reason"]!.GetValue<string>(), Message: e["message"]!.GetValue<string>())).ToList();
        events.Should().Contain(("CertificateNotFound", "no valid ISSUED ACM certificate covers host plain.example.org; it is served on HTTP only"));
        events.Should().Contain(e => e.Reason == "InvalidAnnotation" && e.Message.Contains("\"public\" is not valid; allowed: internet-facing or internal", StringComparison.Ordinal));

        (await h.PassAsync()).Succeeded.Should().BeTrue();
        await h.Controller.Events.FlushAsync();
        h.Kube.All("Event", "default").Should().HaveCount(2, "a problem is reported once while it lasts, not once per pass");
    }

    [Fact]
    public async Task NoTaggedSubnets_EventAndNoLoadBalancer()
    {
        await using var h = await ControllerHarness.StartAsync(o => o.ClusterId = "other-cluster");
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);

        (await h.PassAsync()).Succeeded.Should().BeTrue();
        await h.Controller.Events.FlushAsync();

        h.LoadBalancers().Should().BeEmpty();
        h.Kube.All("Event", "default").Select(e => e["reason"]!.GetValue<string>()).Should().Contain("SubnetsNotFound");
    }

    [Fact]
    public async Task ManyIngressesAndCertificates_SpillOntoASecondLoadBalancer()
    {
        await using var h = await ControllerHarness.StartAsync();
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        for (var i = 0; i < 30; i++)
        {
            h.AddCertificate($"c{i:00}", NextYear, $"app{i:00}.example.org");
            await h.ApplyIngressAsync($"app{i:00}", [$"app{i:00}.example.org"]);
        }

        await h.ConvergeAsync();

        h.LoadBalancers().Should().HaveCount(2);
        var listeners = h.LoadBalancers().Select(lb => h.ListenersOf(lb.Arn).Single(l => l.Port == 443)).ToList();
        listeners.Select(l => l.Certificates.Count).Should().BeEquivalentTo([25, 5], "--max-certs-per-alb 25 counts the default certificate");
        listeners.Select(l => l.Certificates.Count(c => !c.IsDefault)).Should().BeEquivalentTo([24, 4],
            "24 listener certificates besides the default: one of AWS's 25 stays free, so rotation adds before it removes");
    }
}
