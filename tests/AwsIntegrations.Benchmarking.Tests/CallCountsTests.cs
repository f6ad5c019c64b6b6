using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarking.Tests;

public class CallCountsTests
{
    [Fact]
    public void From_CountsEachOperation()
    {
        var calls = CallCounts.From(["ListResourceRecordSets", "ChangeResourceRecordSets", "ListResourceRecordSets"]);

        calls.Total.Should().Be(3);
        calls.Of("ListResourceRecordSets").Should().Be(2);
        calls.Of("GetChange").Should().Be(0);
        calls.Writes.Should().Be(1);
    }

    [Fact]
    public void Describe_ListsReadsBeforeWrites()
    {
        CallCounts.From(["ChangeResourceRecordSets", "ListResourceRecordSets", "ListHostedZones", "DescribeLoadBalancers"]).Describe()
            .Should().Be("1 DescribeLoadBalancers, 1 ListHostedZones, 1 ListResourceRecordSets, 1 ChangeResourceRecordSets");
    }

    [Fact]
    public void Describe_NoCalls_SaysNone()
    {
        CallCounts.None.Describe().Should().Be("none");
        CallCounts.None.Total.Should().Be(0);
    }
}
