using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Tests.Integration;

public class CleanupTests
{
    private static readonly DateTimeOffset NextYear = DateTimeOffset.UtcNow.AddDays(365);

    private static async Task<ControllerHarness> ConvergedAsync()
    {
        var h = await ControllerHarness.StartAsync();
        h.AddCertificate("shop", NextYear, "shop.example.org");
        await h.AddNodeAsync("node-1", ControllerHarness.Instances[0]);
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        await h.ConvergeAsync();
        await h.StatusSeenAsync("shop");
        return h;
    }

    private static string? UnusedSince(ControllerHarness h, string arn)
    {
        lock (h.Aws.State.Gate)
        {
            return h.Aws.State.ElbTags[arn].GetValueOrDefault(UnusedSinceTag.Key);
        }
    }

    [Fact]
    public async Task RestartMidGrace_DeletionStillHappensAtTheOriginalDeadline()
    {
        await using var h = await ConvergedAsync();
        var lb = h.LoadBalancers().Single();
        await h.DeleteIngressAsync("shop");
        var unneededAt = h.Time.GetUtcNow();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        UnusedSince(h, lb.Arn).Should().Be(UnusedSinceTag.Format(unneededAt));

        h.Time.Advance(h.Options.CleanupGrace / 2);
        await h.StartControllerAsync(); // a new process: it remembers nothing, the tag does
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.CallNames("elbv2").Should().NotContain(c => c == "elbv2:AddTags" || c.StartsWith("elbv2:Delete", StringComparison.Ordinal));

        h.Time.Advance(h.Options.CleanupGrace / 2 - TimeSpan.FromSeconds(1));
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.LoadBalancers().Should().ContainSingle("one second before the original deadline it is still there");

        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.CallNames("elbv2").Should().Equal("elbv2:DeleteLoadBalancer", "elbv2:DeleteTargetGroup");
        h.LoadBalancers().Should().BeEmpty();
        h.TargetGroups().Should().BeEmpty();
    }

    [Fact]
    public async Task NeededAgainAfterARestart_TheTagIsRemovedAndNothingIsDeleted()
    {
        await using var h = await ConvergedAsync();
        var lb = h.LoadBalancers().Single();
        await h.DeleteIngressAsync("shop");
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        UnusedSince(h, lb.Arn).Should().NotBeNull();

        await h.StartControllerAsync();
        await h.ApplyIngressAsync("shop", ["shop.example.org"]);
        h.Calls.Clear();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        h.CallNames("elbv2").Where(c => !c.StartsWith("elbv2:Describe", StringComparison.Ordinal)).Should().Equal("elbv2:RemoveTags");
        UnusedSince(h, lb.Arn).Should().BeNull();
        h.Time.Advance(h.Options.CleanupGrace * 2);
        (await h.PassAsync()).Succeeded.Should().BeTrue();
        h.LoadBalancers().Should().ContainSingle().Which.Arn.Should().Be(lb.Arn);
    }

    [Fact]
    public async Task UnparseableTag_CountsAsAbsent_AndIsWrittenAgain()
    {
        await using var h = await ConvergedAsync();
        var lb = h.LoadBalancers().Single();
        await h.DeleteIngressAsync("shop");
        lock (h.Aws.State.Gate)
        {
            h.Aws.State.ElbTags[lb.Arn][UnusedSinceTag.Key] = "last tuesday";
        }

        await h.StartControllerAsync();
        (await h.PassAsync()).Succeeded.Should().BeTrue();

        UnusedSince(h, lb.Arn).Should().Be(UnusedSinceTag.Format(h.Time.GetUtcNow()));
        h.LoadBalancers().Should().ContainSingle("a tag that does not parse can only lengthen the grace");
    }
}
