using System.Diagnostics;
using Router.Backends;
using Router.Options;

namespace Router.Tests.Routing;

public sealed class BackendTests
{
    private static readonly EndpointState[] Three = [new("10.0.0.1:80"), new("10.0.0.2:80"), new("10.0.0.3:80")];

    [Fact]
    public void Choose_RoundRobin_VisitsEveryEndpointInTurn()
    {
        var backend = new Backend("ns", "svc", "80", Three, false, LoadBalancing.RoundRobin);

        var picks = Enumerable.Range(0, 6).Select(_ => backend.Choose([], Stopwatch.GetTimestamp())!.Address).ToList();

        picks.Take(3).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(picks.Skip(3));
    }

    [Fact]
    public void Choose_PowerOfTwoChoices_PrefersTheLessBusyEndpoint()
    {
        var endpoints = new EndpointState[] { new("10.0.0.1:80"), new("10.0.0.2:80") };
        for (var i = 0; i < 5; i++)
        {
            endpoints[0].Started();
        }

        var backend = new Backend("ns", "svc", "80", endpoints, false, LoadBalancing.PowerOfTwoChoices);
        var picks = Enumerable.Range(0, 200).Select(_ => backend.Choose([], Stopwatch.GetTimestamp())!.Address).ToList();

        picks.Should().AllBe("10.0.0.2:80", "the two draws are distinct endpoints, so the less busy one always wins");
    }

    [Fact]
    public void Choose_PowerOfTwoChoices_NeverPicksTheBusiestOfThree()
    {
        var endpoints = new EndpointState[] { new("10.0.0.1:80"), new("10.0.0.2:80"), new("10.0.0.3:80") };
        for (var i = 0; i < 5; i++)
        {
            endpoints[2].Started();
        }

        var backend = new Backend("ns", "svc", "80", endpoints, false, LoadBalancing.PowerOfTwoChoices);
        var picks = Enumerable.Range(0, 300).Select(_ => backend.Choose([], Stopwatch.GetTimestamp())!.Address).ToList();

        picks.Should().NotContain("10.0.0.3:80", "any pair of distinct endpoints holds an idler one than the busiest");
        picks.Should().Contain("10.0.0.1:80").And.Contain("10.0.0.2:80");
    }

    [Fact]
    public void Choose_EjectedEndpoint_SkippedWhileOthersRemain()
    {
        var endpoints = new EndpointState[] { new("10.0.0.1:80"), new("10.0.0.2:80") };
        var now = Stopwatch.GetTimestamp();
        endpoints[0].Eject(now + Stopwatch.Frequency);
        var backend = new Backend("ns", "svc", "80", endpoints, false, LoadBalancing.Random);

        Enumerable.Range(0, 50).Select(_ => backend.Choose([], now)!.Address).Should().AllBe("10.0.0.2:80");
        backend.Choose([endpoints[1]], now)!.Address.Should().Be("10.0.0.1:80", "an ejected endpoint is still better than none");
        backend.Choose([endpoints[0], endpoints[1]], now).Should().BeNull("every endpoint was tried");
    }

    [Fact]
    public void Choose_EjectionExpired_EndpointUsedAgain()
    {
        var endpoint = new EndpointState("10.0.0.1:80");
        var now = Stopwatch.GetTimestamp();
        endpoint.Eject(now + 10);

        endpoint.IsEjected(now).Should().BeTrue();
        endpoint.IsEjected(now + 11).Should().BeFalse();
    }
}
