using System.Diagnostics;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Options;

namespace AwsIntegrations.Router.Tests.Routing;

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

    [Fact]
    public void Choose_ConsistentHash_OneClientOneEndpointAndClientsSpread()
    {
        var backend = new Backend("ns", "svc", "80", Three, false, LoadBalancing.ConsistentHash);
        var now = Stopwatch.GetTimestamp();

        var client = StableHash.Of("203.0.113.7");
        Enumerable.Range(0, 20).Select(_ => backend.Choose([], now, client)!.Address).Distinct().Should().ContainSingle();
        Enumerable.Range(1, 100).Select(i => backend.Choose([], now, StableHash.Of($"198.51.100.{i}"))!.Address).Distinct()
            .Should().HaveCount(3, "100 clients land on every one of 3 endpoints");
    }

    [Fact]
    public void Choose_ConsistentHash_EndpointLeaves_OnlyItsClientsMove()
    {
        var all = new Backend("ns", "svc", "80", Three, false, LoadBalancing.ConsistentHash);
        var fewer = new Backend("ns", "svc", "80", [Three[0], Three[1]], false, LoadBalancing.ConsistentHash);
        var now = Stopwatch.GetTimestamp();

        foreach (var i in Enumerable.Range(1, 200))
        {
            var key = StableHash.Of($"198.51.100.{i}");
            var before = all.Choose([], now, key)!;
            if (before != Three[2])
            {
                fewer.Choose([], now, key).Should().BeSameAs(before, "a client whose endpoint stayed keeps it");
            }
        }
    }

    [Fact]
    public void Choose_ConsistentHash_TriedOrEjectedEndpoint_NextOnTheRing()
    {
        var backend = new Backend("ns", "svc", "80", Three, false, LoadBalancing.ConsistentHash);
        var now = Stopwatch.GetTimestamp();
        var key = StableHash.Of("203.0.113.7");
        var first = backend.Choose([], now, key)!;

        var second = backend.Choose([first], now, key);

        second.Should().NotBeNull().And.NotBeSameAs(first);
        backend.Choose([first], now, key).Should().BeSameAs(second, "the retry target is as stable as the first choice");
    }

    [Fact]
    public void Choose_LeastRequests_PicksFewestInFlight()
    {
        var endpoints = new EndpointState[] { new("10.0.0.1:80"), new("10.0.0.2:80"), new("10.0.0.3:80") };
        endpoints[0].Started();
        endpoints[2].Started();
        endpoints[2].Started();
        var backend = new Backend("ns", "svc", "80", endpoints, false, LoadBalancing.LeastRequests);

        Enumerable.Range(0, 20).Select(_ => backend.Choose([], Stopwatch.GetTimestamp())!.Address).Should().AllBe("10.0.0.2:80");
        endpoints[1].Started();
        endpoints[1].Started();
        backend.Choose([], Stopwatch.GetTimestamp())!.Address.Should().Be("10.0.0.1:80");
    }

    [Theory]
    // docs/reference/backends.md: the algorithms skipper accepts; ingress-data/ing-with-lb-annotation-*.yaml use the first four.
    [InlineData("roundRobin", LoadBalancing.RoundRobin)]
    [InlineData("random", LoadBalancing.Random)]
    [InlineData("consistentHash", LoadBalancing.ConsistentHash)]
    [InlineData("powerOfRandomNChoices", LoadBalancing.PowerOfTwoChoices)]
    [InlineData("weightedRoundRobin", LoadBalancing.RoundRobin)]
    [InlineData("leastRequests", LoadBalancing.LeastRequests)]
    [InlineData("consistent-hash", LoadBalancing.ConsistentHash)]
    [InlineData("least-requests", LoadBalancing.LeastRequests)]
    public void ParseLoadBalancing_SkippersAndOurNames_Accepted(string name, LoadBalancing expected) =>
        Router.Routing.IngressSettings.ParseLoadBalancing(name).Should().Be(expected);
}
