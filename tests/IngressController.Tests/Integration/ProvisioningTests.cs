using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Tests.Integration;

/// <summary>
/// A new load balancer is "provisioning" for minutes on AWS before it is "active" (its DNS name resolves only then). The
/// controller writes an Ingress's status once its load balancer is active: while one provisions, each requeue reads just
/// those load balancers again (DescribeLoadBalancers by ARN), never everything.
/// </summary>
public class ProvisioningTests
{
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);

    // Application Load Balancers take "a few minutes" to become active (ELB guide); kube-ingress-aws-controller's
    // --min-load-balancer-age defaults to 6m for the same reason (controller.go).
    private static readonly TimeSpan Provisioning = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task NewLoadBalancer_StatusWithinOneRequeueOfActivation_ReadingOnlyTheProvisioningOnes()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.Aws.State.Behavior.LoadBalancerProvisioning = Provisioning;
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        var created = h.Time.GetUtcNow();

        var first = await h.PassAsync();

        first.Succeeded.Should().BeTrue();
        var lb = h.LoadBalancers().Should().ContainSingle().Subject;
        (await h.StatusHostnameAsync("shop")).Should().BeNull("the load balancer is still provisioning");
        first.RequeueAfter.Should().Be(TimeSpan.FromSeconds(15));
        var fullReads = h.Calls.Count("elbv2", "DescribeTargetGroups");

        var activeAt = created + Provisioning;
        ReconcileResult result = first;
        var statePolls = 0;
        while (await h.StatusHostnameAsync("shop") is null)
        {
            h.Time.Advance(result.RequeueAfter!.Value);
            h.Calls.Clear();
            result = await h.PassAsync();
            result.Succeeded.Should().BeTrue();
            h.CallNames().Should().Equal(["elbv2:DescribeLoadBalancers"], "a requeue reads only the load balancer still provisioning, nothing else");
            Uri.UnescapeDataString(h.Calls.All.Single().RequestBody).Should().Contain("LoadBalancerArns.member.1=" + lb.Arn);
            statePolls++;
            statePolls.Should().BeLessThan(20, "the status must come once the load balancer is active");
        }

        h.Time.GetUtcNow().Should().BeOnOrAfter(activeAt).And.BeOnOrBefore(activeAt + TimeSpan.FromSeconds(15), "within one requeue of activation");
        (await h.StatusHostnameAsync("shop")).Should().Be(lb.DnsName.ToLowerInvariant());
        h.Calls.Count("elbv2", "DescribeTargetGroups").Should().Be(0, "no full read while waiting");
        fullReads.Should().Be(1);
        statePolls.Should().Be((int)Math.Ceiling(Provisioning / TimeSpan.FromSeconds(15)));

        await h.StatusSeenAsync("shop");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.Calls.All.Should().BeEmpty("once active, nothing is read again before the resync");
    }

    [Fact]
    public async Task ManyLoadBalancersProvisioning_AreReadTwentyArnsPerCall()
    {
        await using var h = await ControllerHarness.StartAsync();
        h.Aws.State.Behavior.LoadBalancerProvisioning = Provisioning;
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        for (var i = 0; i < 23; i++)
        {
            await h.ApplyIngressAsync($"app{i:00}", [$"app{i:00}.example.org"], new() { ["zalando.org/aws-load-balancer-shared"] = "false" });
        }

        // This test is about the 20-ARN chunks: AWS's request throttling is off, so the 23 load balancers are made in one
        // pass on the frozen clock (the real client paces its calls with --aws-elbv2-rps; FailureTests storm it).
        h.Aws.State.Behavior.Throttling = false;
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.LoadBalancers().Should().HaveCount(23);

        h.Time.Advance(AwsView.ProvisioningPoll);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal(["elbv2:DescribeLoadBalancers", "elbv2:DescribeLoadBalancers"], "DescribeLoadBalancers takes at most 20 ARNs");
    }

    [Fact]
    public async Task MinLoadBalancerAge_StatusWaitsUntilTheLoadBalancerIsThatOld()
    {
        // kube-ingress-aws-controller worker.go updateIngress: no status before --min-load-balancer-age (minloadbalancerage_test.go).
        await using var h = await ControllerHarness.StartAsync(o => o.MinLoadBalancerAge = TimeSpan.FromMinutes(6));
        h.Aws.State.Behavior.LoadBalancerProvisioning = TimeSpan.FromMinutes(2);
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        var created = h.Time.GetUtcNow();

        var result = await h.PassAsync();
        while (await h.StatusHostnameAsync("shop") is null)
        {
            h.Time.Advance(result.RequeueAfter!.Value);
            result = await h.PassAsync();
            (h.Time.GetUtcNow() - created).Should().BeLessThan(TimeSpan.FromMinutes(7));
        }

        (h.Time.GetUtcNow() - created).Should().BeGreaterThan(TimeSpan.FromMinutes(6) - TimeSpan.FromMilliseconds(1), "CreatedTime comes in milliseconds");
    }
}
