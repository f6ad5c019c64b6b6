using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarking.Tests;

public class MeasurementTests
{
    [Fact]
    public void Median_OddAndEvenCounts_IsTheMiddleOrTheMeanOfTheTwoMiddles()
    {
        Measurement.Of(3, 1, 2).Median.Should().Be(2);
        Measurement.Of(4, 1, 3, 2).Median.Should().Be(2.5);
    }

    [Fact]
    public void Format_RepeatedValues_ShowsTheMedianAndTheRange()
    {
        Measurement.Of(12_000, 11_500, 12_500).Format().Should().Be("12,000 (11,500–12,500)");
        Measurement.Of(1.5).Format("0.0", " ms").Should().Be("1.5 ms");
    }

    [Fact]
    public void Format_NoValues_SaysNotAvailable()
    {
        new Measurement([double.NaN]).Format().Should().Be("n/a");
    }

    [Fact]
    public void Percentile_NearestRank()
    {
        var values = new Measurement(Enumerable.Range(1, 100).Select(i => (double)i));
        values.Percentile(0.99).Should().Be(99);
        values.Percentile(0.5).Should().Be(50);
        values.Percentile(1).Should().Be(100);
    }
}
