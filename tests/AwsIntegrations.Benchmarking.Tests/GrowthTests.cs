using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarking.Tests;

public class GrowthTests
{
    [Fact]
    public void Ratios_LinearCost_IsNotFlagged()
    {
        Growth.Ratios([100, 1_000, 10_000], [1, 10, 95]).Should().Equal("—", "×10 for ×10 size", "×9.5 for ×10 size");
    }

    [Fact]
    public void Ratios_QuadraticCost_StandsOut()
    {
        Growth.Ratios([100, 1_000], [1, 100])[1].Should().Be("×100 for ×10 size worse than linear");
    }

    [Fact]
    public void Table_PrintsOneRowPerSize()
    {
        var table = Growth.Table("Ingresses", "seconds", [10, 100], [Measurement.Of(0.5), Measurement.Of(4, 5, 6)], "0.0").ToString();
        table.Should().Contain("| 10 | 0.5 | — |").And.Contain("| 100 | 5.0 (4.0–6.0) | ×10 for ×10 size |");
    }
}
