using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Tests.Routing;

/// <summary>
/// zalando.org/backend-weights → the Traffic() chance and True() count of each backend's route, with the values of skipper's
/// golden files (dataclients/kubernetes/testdata/ingressV1/traffic/*.eskip); weights are listed in path order, absent as 0.
/// </summary>
public sealed class BackendTrafficTests
{
    public static TheoryData<string, double[], (double Chance, int TrueCount)[]> Cases() => new()
    {
        // traffic/1-2-3-4.eskip
        { "1-2-3-4", [1, 2, 3, 4], [(0.1, 2), (0.2222222222222222, 1), (0.42857142857142855, 0), (1, 0)] },
        // traffic/20-60-20.eskip
        { "20-60-20", [20, 60, 20], [(0.2, 1), (0.75, 0), (1, 0)] },
        // traffic/60-140.eskip: weights are relative
        { "60-140", [60, 140], [(0.3, 0), (1, 0)] },
        // traffic/no-weights.eskip, ingress1: no weights → equal shares
        { "no weights", [0, 0, 0, 0], [(0.25, 2), (0.3333333333333333, 1), (0.5, 0), (1, 0)] },
        // traffic/no-weights.eskip, ingress2 (explicit zero) and ingress3 (missing weight)
        { "one zero", [1, 0, 1, 1], [(0.3333333333333333, 2), (0, 1), (0.5, 0), (1, 0)] },
        // traffic/no-weights.eskip, ingress4
        { "two missing", [1, 0, 0, 1], [(0.5, 2), (0, 1), (0, 0), (1, 0)] },
        // traffic/no-weights.eskip, ingress6
        { "three missing", [1, 0, 0, 0], [(1, 2), (0, 1), (0, 0), (0, 0)] },
        // traffic/three-backends-with-one-zero-weight.eskip
        { "30-70-none", [30, 70, 0], [(0.3, 1), (1, 0), (0, 0)] },
        // traffic/two-backends-with-one-zero-weight.eskip
        { "30-none", [30, 0], [(1, 0), (0, 0)] },
        // traffic/two-backends-no-weights.eskip
        { "none-none", [0, 0], [(0.5, 0), (1, 0)] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_SkippersGoldenWeights_GiveItsTrafficPredicates(string name, double[] weights, (double Chance, int TrueCount)[] expected)
    {
        var shares = BackendTraffic.Compute(weights);

        shares.Select(s => (s.Chance, s.TrueCount)).Should().Equal(expected, name);
    }

    [Fact]
    public void Allowed_ZeroChance_GetsNoRoute()
    {
        new TrafficShare(0, 1).Allowed.Should().BeFalse("a backend without weight gets no route");
        TrafficShare.All.Allowed.Should().BeTrue();
    }
}
