using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.IngressController.Tests.Integration;

public class FailureTests
{
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);

    private static async Task<ControllerHarness> ClusterWithOneTlsIngressAsync()
    {
        var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop", NextYear, "shop.example.org");
        h.AddCertificate("blog", NextYear, "blog.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.AddNodeAsync("node-2", ControllerHarness.Instances[1]);
        await h.ApplyIngressAsync("shop", ["shop.example.org", "blog.example.org"]);
        return h;
    }

    private static async Task ShouldBeConvergedAsync(ControllerHarness h)
    {
        var lb = h.LoadBalancers().Should().ContainSingle("no duplicate load balancer").Subject;
        h.TargetGroups().Should().ContainSingle("no duplicate or orphaned target group").Which.Targets.Should().HaveCount(2);
        h.ListenersOf(lb.Arn).Select(l => l.Port).Should().BeEquivalentTo([80, 443]);
        h.ListenersOf(lb.Arn).Single(l => l.Port == 443).Certificates.Should().HaveCount(2);
        (await h.GetIngressAsync("shop")).Status!.LoadBalancer!.Ingress!.Single().Hostname.Should().Be(lb.DnsName.ToLowerInvariant());
    }

    [Fact]
    public async Task ThrottlingStorm_ConvergesWithoutDuplicates()
    {
        await using var h = await ClusterWithOneTlsIngressAsync();
        h.Aws.Faults.Throttle("elbv2", null, 60);
        h.Aws.Faults.Throttle("ec2", null, 50);
        h.Aws.Faults.Throttle("acm", null, 50);

        await h.ConvergeAsync();

        h.Calls.All.Count(c => c.Result is "Throttling" or "RequestLimitExceeded" or "ThrottlingException").Should().BeGreaterThan(5);
        await ShouldBeConvergedAsync(h);
    }

    [Fact]
    public async Task ServerErrorStorm_ConvergesWithoutDuplicates()
    {
        await using var h = await ClusterWithOneTlsIngressAsync();
        foreach (var operation in new[] { "CreateLoadBalancer", "CreateTargetGroup", "RegisterTargets", "CreateListener", "AddListenerCertificates", "DescribeLoadBalancers" })
        {
            h.Aws.Faults.FailNext("elbv2", operation, 4, "ServiceUnavailable", 503);
        }

        await h.ConvergeAsync();

        await ShouldBeConvergedAsync(h);
    }

    [Fact]
    public async Task RestartMidApply_ConvergesWithoutOrphans_ReusingWhatTheFirstRunCreated()
    {
        await using var h = await ClusterWithOneTlsIngressAsync();
        h.Aws.Faults.FailWith("elbv2", "CreateListener", "InternalFailure", 500);
        (await h.PassAsync()).Succeeded.Should().BeFalse();
        h.LoadBalancers().Should().ContainSingle();
        h.TargetGroups().Should().ContainSingle();

        h.Aws.Faults.Clear();
        h.Time.Advance(TimeSpan.FromSeconds(5)); // a restart takes seconds (AWS describes a new load balancer after one)
        await h.StartControllerAsync(); // a new process: nothing known but what AWS and the cluster say
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Equal(
            "elbv2:DescribeLoadBalancers", "elbv2:DescribeTargetGroups", "elbv2:DescribeTags", "elbv2:DescribeTargetHealth",
            "elbv2:DescribeTargetGroupAttributes", "elbv2:DescribeLoadBalancerAttributes", "elbv2:DescribeListeners",
            "wafv2:GetWebACLForResource", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "acm:ListCertificates",
            "elbv2:CreateListener", "elbv2:AddListenerCertificates", "elbv2:CreateListener");
        await ShouldBeConvergedAsync(h);
    }

    [Fact]
    public async Task RestartBetweenLoadBalancerAndTargetGroup_CreatesOnlyTheTargetGroup()
    {
        await using var h = await ClusterWithOneTlsIngressAsync();
        h.Aws.Faults.FailWith("elbv2", "CreateTargetGroup", "InternalFailure", 500);
        (await h.PassAsync()).Succeeded.Should().BeFalse();

        h.Aws.Faults.Clear();
        h.Time.Advance(TimeSpan.FromSeconds(5));
        await h.StartControllerAsync();
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames("elbv2").Where(c => c.StartsWith("elbv2:Create", StringComparison.Ordinal)).Should().Equal(
            "elbv2:CreateTargetGroup", "elbv2:CreateListener", "elbv2:CreateListener");
        await ShouldBeConvergedAsync(h);
    }

    [Fact]
    public async Task FailedWrite_NextPassReadsAgainAndFinishes()
    {
        await using var h = await ClusterWithOneTlsIngressAsync();
        h.Aws.Faults.FailNext("elbv2", "AddListenerCertificates", 3, "InternalFailure", 500);

        (await h.PassAsync()).Succeeded.Should().BeFalse();
        h.Calls.Clear();
        h.Time.Advance(TimeSpan.FromSeconds(5)); // the loop's backoff
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames().Should().Contain("elbv2:DescribeLoadBalancers", "what landed is unknown after a failed write");
        h.CallNames().Where(c => c.Contains(":Create", StringComparison.Ordinal) || c.Contains(":Add", StringComparison.Ordinal))
            .Should().Equal("elbv2:AddListenerCertificates", "elbv2:CreateListener");
        await ShouldBeConvergedAsync(h);
    }

    [Fact]
    public async Task LoadBalancerQuotaExceeded_EventOnTheIngresses_AndNotAskedAgainBeforeTheResync()
    {
        await using var h = await ClusterWithOneTlsIngressAsync();
        h.Aws.Faults.FailWith("elbv2", "CreateLoadBalancer", "TooManyLoadBalancers", 400);

        (await h.PassAsync()).Succeeded.Should().BeTrue("a refusal for one load balancer does not fail the pass of the others");
        await h.Controller.Events.FlushAsync();

        h.LoadBalancers().Should().BeEmpty();
        h.Kube.All("Event", "default").Select(e => e["reason"]!.GetValue<string>()).Should().Contain("QuotaExceeded");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.Calls.All.Should().BeEmpty("AWS would refuse the same create again");

        h.Aws.Faults.Clear();
        h.Time.Advance(h.Options.ResyncInterval);
        await h.ConvergeAsync();
        await ShouldBeConvergedAsync(h);
    }
}
