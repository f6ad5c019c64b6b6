using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Apply;
using AwsIntegrations.DnsController.Planning;

namespace AwsIntegrations.DnsController.Tests.Apply;

public class BatcherTests
{
    private static ChangeGroup Group(int i, string action = "CREATE", int valueLength = 10) => new("Z1", $"n{i}.example.com", null,
    [
        new Route53Change(action, new Route53RecordSet($"n{i}.example.com.", "A") { Ttl = 300, Values = [new string('1', valueLength)] }),
        new Route53Change(action, new Route53RecordSet($"a-n{i}.example.com.", "TXT") { Ttl = 300, Values = [new string('t', valueLength)] }),
    ], [], null);

    [Fact]
    public void Pack_KeepsAtMostAThousandChangesPerBatchAndNeverSplitsAGroup()
    {
        var (batches, tooLarge) = Batcher.Pack([.. Enumerable.Range(0, 1201).Select(i => Group(i))]);

        tooLarge.Should().BeEmpty();
        batches.Select(b => b.Sum(g => g.Changes.Count)).Should().Equal(1000, 1000, 402);
    }

    [Fact]
    public void Pack_UpsertsCountTwiceTowardsCharacters()
    {
        // 2 changes × 100 characters × 2 (UPSERT) = 400 characters per group → 80 groups fit in 32,000.
        var (batches, _) = Batcher.Pack([.. Enumerable.Range(0, 100).Select(i => Group(i, "UPSERT", 100))]);

        batches.Select(b => b.Count).Should().Equal(80, 20);
        batches.Should().OnlyContain(b => b.Sum(g => Batcher.CostOf(g).Characters) <= 32000);
    }

    [Fact]
    public void Pack_GroupOverTheLimitsAlone_IsReportedNotSent()
    {
        var (batches, tooLarge) = Batcher.Pack([Group(1, "UPSERT", 9000), Group(2)]);

        tooLarge.Should().ContainSingle(g => g.Name == "n1.example.com");
        batches.Should().ContainSingle().Which.Should().ContainSingle(g => g.Name == "n2.example.com");
    }
}
