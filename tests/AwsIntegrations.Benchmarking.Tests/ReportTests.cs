using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarking.Tests;

public class ReportTests
{
    [Fact]
    public void Fewer_RatioOfReferenceToOurs()
    {
        Report.Fewer(72, 4_260).Should().Be("59.2× fewer");
    }

    [Fact]
    public void Fewer_OursZero_SaysSoInsteadOfDividing()
    {
        Report.Fewer(0, 60).Should().Be("ours makes none");
        Report.Fewer(0, 0).Should().Be("both make none");
    }
}
