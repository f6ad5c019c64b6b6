using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarking.Tests;

public class BenchmarkArgumentsTests
{
    [Fact]
    public void Number_QuickMode_UsesTheQuickDefaultUnlessGiven()
    {
        new BenchmarkArguments(["--quick"]).Number("--seconds", 10, 3).Should().Be(3);
        new BenchmarkArguments([]).Number("--seconds", 10, 3).Should().Be(10);
        new BenchmarkArguments(["--quick", "--seconds", "7"]).Number("--seconds", 10, 3).Should().Be(7);
    }

    [Fact]
    public void Numbers_ParsesACommaList()
    {
        new BenchmarkArguments(["--sizes", "10,1_000"]).Numbers("--sizes", [1]).Should().Equal(10, 1000);
    }

    [Fact]
    public void Number_NotANumber_NamesTheArgument()
    {
        var act = () => new BenchmarkArguments(["--seconds", "ten"]).Number("--seconds", 10);
        act.Should().Throw<ArgumentException>().WithMessage("--seconds must be a whole number, not 'ten'");
    }
}
