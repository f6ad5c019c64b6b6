using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarking.Tests;

public class AlternatingTests
{
    [Fact]
    public async Task RunAsync_TwoSides_AlternatesWhichGoesFirst()
    {
        var order = new List<string>();
        var (ours, reference) = await Alternating.RunAsync(3,
            round => { order.Add($"ours{round}"); return Task.FromResult(round); },
            round => { order.Add($"ref{round}"); return Task.FromResult(-round); });
        order.Should().Equal("ours0", "ref0", "ref1", "ours1", "ours2", "ref2");
        ours.Should().Equal(0, 1, 2);
        reference.Should().Equal(0, -1, -2);
    }

    [Fact]
    public async Task RunAsync_ManySides_RotatesTheFirst()
    {
        var order = new List<string>();
        var results = await Alternating.RunAsync(2, new (string, Func<int, Task<int>>)[]
        {
            ("a", round => { order.Add("a"); return Task.FromResult(round); }),
            ("b", round => { order.Add("b"); return Task.FromResult(round); }),
            ("c", round => { order.Add("c"); return Task.FromResult(round); }),
        });
        order.Should().Equal("a", "b", "c", "b", "c", "a");
        results["c"].Should().Equal(0, 1);
    }
}
