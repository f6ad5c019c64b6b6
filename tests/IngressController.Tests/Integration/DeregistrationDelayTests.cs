namespace AwsIntegrations.IngressController.Tests.Integration;

public class DeregistrationDelayTests
{
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);
    private const string Delay = "deregistration_delay.timeout_seconds";

    [Fact]
    public async Task NewTargetGroup_FlagDiffersFromAwsDefault_IsReadOnCreateAndWrittenOnce()
    {
        await using var h = await ControllerHarness.StartAsync(o => o.DeregistrationDelay = TimeSpan.FromSeconds(30));
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);

        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames("elbv2").Should().Equal(
            "elbv2:DescribeLoadBalancers", "elbv2:DescribeTargetGroups",
            "elbv2:CreateLoadBalancer", "elbv2:CreateTargetGroup", "elbv2:DescribeTargetGroupAttributes", "elbv2:ModifyTargetGroupAttributes",
            "elbv2:RegisterTargets", "elbv2:CreateListener", "elbv2:CreateListener");
        h.TargetGroups().Single().Attributes.Should().Contain(Delay, "30");

        await h.StatusSeenAsync("shop");
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.Calls.All.Should().BeEmpty("the attribute is known from the write; it is not read at rest");
    }

    [Fact]
    public async Task ChangedOutsideTheController_IsPutBackOnResync_AndNotReadBetweenResyncs()
    {
        await using var h = await ControllerHarness.StartAsync(o => o.DeregistrationDelay = TimeSpan.FromSeconds(30));
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");
        lock (h.Aws.State.Gate)
        {
            h.Aws.State.TargetGroups.Single().Attributes[Delay] = "600";
        }

        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.Calls.All.Should().BeEmpty("between resyncs nothing is read");

        h.Time.Advance(h.Options.ResyncInterval);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames("elbv2").Should().Contain("elbv2:DescribeTargetGroupAttributes")
            .And.ContainSingle(c => c == "elbv2:ModifyTargetGroupAttributes");
        h.TargetGroups().Single().Attributes.Should().Contain(Delay, "30");
    }

    [Fact]
    public async Task ZeroDelay_IsWrittenAsZero()
    {
        await using var h = await ControllerHarness.StartAsync(o => o.DeregistrationDelay = TimeSpan.Zero);
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);

        await h.ConvergeAsync();

        h.TargetGroups().Single().Attributes.Should().Contain(Delay, "0");
    }
}
