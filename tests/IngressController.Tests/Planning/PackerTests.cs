using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Planning;

namespace AwsIntegrations.IngressController.Tests.Planning;

public class PackerTests
{
    private static readonly GroupKey Public = new("internet-facing", "ipv4", null, "ELBSecurityPolicy-TLS13-1-2-2021-06", null, true, false);

    private static string Name(string hash, int slot) => $"ing-cccccc-{hash}-{slot}";

    private static PlacementRequest Request(string key, IEnumerable<int> certificates, GroupKey? group = null, string? current = null) =>
        new(key, group ?? Public, certificates.Select(c => $"cert-{c:000}").ToHashSet(StringComparer.Ordinal), current);

    private static Placement Pack(IReadOnlyList<PlacementRequest> requests, params (string Name, string Hash, int Slot)[] existing) =>
        Packer.Pack(requests, existing.Select(e => new ExistingAlb(e.Name, e.Hash, e.Slot)), 25, Name);

    [Fact]
    public void Pack_TwentyFiveCertificatesCountingTheDefault_OneLoadBalancer()
    {
        // --max-certs-per-alb counts every certificate of the listener, the default one included: 25 = 1 default + 24 more,
        // one below AWS's quota of 25 besides the default, so a rotation can add the new certificate before the old goes.
        var placement = Pack([.. Enumerable.Range(0, 25).Select(i => Request($"ns/ing-{i:00}", [i]))]);

        placement.Albs.Should().ContainSingle().Which.Value.Certificates.Should().HaveCount(25, "the default certificate and 24 listener certificates");
    }

    [Fact]
    public void Pack_TwentySixCertificates_SpillsOntoASecondLoadBalancer()
    {
        var placement = Pack([.. Enumerable.Range(0, 26).Select(i => Request($"ns/ing-{i:00}", [i]))]);

        placement.Albs.Values.Select(a => a.Certificates.Count).Should().BeEquivalentTo([25, 1]);
        placement.Albs.Keys.Should().BeEquivalentTo([Name(Public.Hash, 0), Name(Public.Hash, 1)]);
        placement.Assignments["ns/ing-25"].Should().Be(Name(Public.Hash, 1));
    }

    [Fact]
    public void Pack_IngressesSharingCertificates_CountOnce()
    {
        var placement = Pack([.. Enumerable.Range(0, 100).Select(i => Request($"ns/ing-{i:000}", [i % 10]))]);

        placement.Albs.Should().ContainSingle().Which.Value.Ingresses.Should().HaveCount(100);
    }

    [Fact]
    public void Pack_IngressAlreadyPlaced_StaysEvenWhenAnEarlierSlotHasRoom()
    {
        var hash = Public.Hash;
        var placement = Pack([Request("ns/a", [1]), Request("ns/b", [2], current: Name(hash, 1))], (Name(hash, 0), hash, 0), (Name(hash, 1), hash, 1));

        placement.Assignments["ns/b"].Should().Be(Name(hash, 1));
        placement.Assignments["ns/a"].Should().Be(Name(hash, 0));
    }

    [Fact]
    public void Pack_NewIngress_PrefersALoadBalancerThatAlreadyHasItsCertificate()
    {
        var hash = Public.Hash;
        var placement = Pack(
            [Request("ns/a", [1], current: Name(hash, 0)), Request("ns/b", [2], current: Name(hash, 1)), Request("ns/new", [2])],
            (Name(hash, 0), hash, 0), (Name(hash, 1), hash, 1));

        placement.Assignments["ns/new"].Should().Be(Name(hash, 1));
    }

    [Fact]
    public void Pack_CurrentLoadBalancerFull_OnlyTheIngressThatNoLongerFitsMoves()
    {
        var hash = Public.Hash;
        var requests = Enumerable.Range(0, 25).Select(i => Request($"ns/ing-{i:00}", [i], current: Name(hash, 0))).ToList();
        requests[24] = Request("ns/ing-24", [24, 99], current: Name(hash, 0)); // one Ingress gained a host with a new certificate

        var placement = Pack(requests, (Name(hash, 0), hash, 0));

        placement.Assignments.Where(a => a.Value == Name(hash, 0)).Should().HaveCount(24);
        placement.Assignments["ns/ing-24"].Should().Be(Name(hash, 1));
    }

    [Fact]
    public void Pack_DifferentSchemesAndSecurityGroups_NeverShare()
    {
        var placement = Pack([
            Request("ns/public", [1]),
            Request("ns/internal", [1], Public with { Scheme = "internal" }),
            Request("ns/other-sg", [1], Public with { SecurityGroup = "sg-0123" }),
        ]);

        placement.Albs.Should().HaveCount(3);
        placement.Assignments.Values.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Pack_NotShared_GetsItsOwnLoadBalancer()
    {
        var placement = Pack([Request("ns/a", [1]), Request("ns/b", [1]), Request("ns/own", [1], Public with { Owner = "ns/own" })]);

        placement.Albs.Should().HaveCount(2);
        placement.Albs[placement.Assignments["ns/own"]].Ingresses.Should().Equal("ns/own");
    }

    [Fact]
    public void Pack_IngressWithMoreCertificatesThanALoadBalancerHolds_GetsTheFirstAndAProblem()
    {
        var placement = Pack([Request("ns/huge", Enumerable.Range(0, 30))]);

        placement.Albs.Single().Value.Certificates.Should().HaveCount(25);
        placement.Problems["ns/huge"].Should().ContainSingle().Which.Reason.Should().Be("TooManyCertificates");
    }

    [Fact]
    public void Pack_HttpOnlyIngress_JoinsTheFirstLoadBalancer()
    {
        var placement = Pack([Request("ns/a", [1]), Request("ns/plain", [])]);

        placement.Albs.Should().ContainSingle();
    }

    [Fact]
    public void Pack_SameInputTwice_SameAnswer()
    {
        var requests = Enumerable.Range(0, 200).Select(i => Request($"ns/ing-{i:000}", [i % 60])).ToList();

        var first = Pack(requests);
        var second = Pack([.. Enumerable.Reverse(requests)]);

        second.Assignments.Should().BeEquivalentTo(first.Assignments);
        first.Albs.Should().HaveCount(3); // 60 certificates, 25 per load balancer
    }
}
