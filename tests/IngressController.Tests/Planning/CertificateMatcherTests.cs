using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Planning;

namespace AwsIntegrations.IngressController.Tests.Planning;

public class CertificateMatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static CertificateInfo Cert(string arn, int daysLeft, params string[] names) =>
        new($"arn:aws:acm:eu-central-1:123456789012:certificate/{arn}", names, Now.AddDays(-30), Now.AddDays(daysLeft));

    [Fact]
    public void Best_ExactAndWildcard_ExactWins()
    {
        var best = CertificateMatcher.Best("shop.example.org", [Cert("wild", 300, "*.example.org"), Cert("exact", 60, "shop.example.org")], Now, Week);

        best!.Arn.Should().EndWith("/exact");
    }

    [Fact]
    public void Best_WildcardCoversOneLabelOnly()
    {
        CertificateInfo[] certificates = [Cert("wild", 300, "*.example.org")];

        CertificateMatcher.Best("a.example.org", certificates, Now, Week).Should().NotBeNull();
        CertificateMatcher.Best("a.b.example.org", certificates, Now, Week).Should().BeNull();
        CertificateMatcher.Best("example.org", certificates, Now, Week).Should().BeNull();
    }

    [Fact]
    public void Best_ExpiringWithinMinimumValidity_IsSkippedForTheWildcard()
    {
        var best = CertificateMatcher.Best("shop.example.org", [Cert("exact-expiring", 3, "shop.example.org"), Cert("wild", 300, "*.example.org")], Now, Week);

        best!.Arn.Should().EndWith("/wild");
    }

    [Fact]
    public void Best_OnlyExpiringCertificates_None()
    {
        CertificateMatcher.Best("shop.example.org", [Cert("exact-expiring", 6, "shop.example.org")], Now, Week).Should().BeNull();
    }

    [Fact]
    public void Best_TwoExactCertificates_NewestNotAfterWins()
    {
        var best = CertificateMatcher.Best("shop.example.org", [Cert("old", 30, "shop.example.org"), Cert("new", 390, "shop.example.org"), Cert("mid", 200, "shop.example.org")], Now, Week);

        best!.Arn.Should().EndWith("/new");
    }

    [Fact]
    public void Best_EqualNotAfter_LowestArnSoTheChoiceIsStable()
    {
        var best = CertificateMatcher.Best("shop.example.org", [Cert("b", 30, "shop.example.org"), Cert("a", 30, "shop.example.org")], Now, Week);

        best!.Arn.Should().EndWith("/a");
    }

    [Fact]
    public void Best_NotIssued_IsIgnored()
    {
        var pending = Cert("pending", 300, "shop.example.org") with { Status = "PENDING_VALIDATION" };

        CertificateMatcher.Best("shop.example.org", [pending], Now, Week).Should().BeNull();
    }

    [Fact]
    public void Best_TwoEquallySpecific_TheMostRecentlyIssuedWins_AsTheAnchorChooses()
    {
        // kube-ingress-aws-controller certs/matching.go: among equally specific certificates the newest NotBefore wins.
        var older = new CertificateInfo("arn:aws:acm:eu-central-1:123456789012:certificate/older", ["shop.example.org"], Now.AddDays(-90), Now.AddDays(300));
        var newer = new CertificateInfo("arn:aws:acm:eu-central-1:123456789012:certificate/newer", ["shop.example.org"], Now.AddDays(-1), Now.AddDays(90));

        CertificateMatcher.Best("shop.example.org", [older, newer], Now, Week)!.Arn.Should().EndWith("/newer");
    }

    [Fact]
    public void BestServing_OnlyAnExpiringCertificate_KeepsServingIt_Flagged()
    {
        var served = CertificateMatcher.BestServing("shop.example.org", [Cert("expiring", 3, "shop.example.org"), Cert("expired", -1, "shop.example.org")], Now, Week);

        served.Should().NotBeNull();
        served!.Value.Certificate.Arn.Should().EndWith("/expiring");
        served.Value.ExpiringSoon.Should().BeTrue();
        CertificateMatcher.BestServing("shop.example.org", [Cert("expired", -1, "shop.example.org")], Now, Week).Should().BeNull("an expired certificate is never served");
    }

    private static IngressModel Model(IReadOnlyList<string>? explicitArns, bool httpsOnly = false, params string[] hosts) =>
        new("default/shop", hosts, explicitArns, new GroupKey("internet-facing", "ipv4", null, "p", null, true, false), httpsOnly, [], []);

    [Fact]
    public void Resolve_ExplicitArns_WinOverDiscovery()
    {
        var pinned = Cert("pinned", 300, "other.example.org");

        var resolved = IngressCertificates.Resolve(Model([pinned.Arn], false, "shop.example.org"), [Cert("exact", 300, "shop.example.org"), pinned], Now, Week);

        resolved.Arns.Should().Equal(pinned.Arn);
        resolved.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Resolve_ExplicitAcmArnUnknownHere_IsLeftOutWithAProblem_AndIamArnsGoToAws()
    {
        // kube-ingress-aws-controller worker.go: "Failed to find certificate" skips only that Ingress.
        const string unknown = "arn:aws:acm:eu-central-1:123456789012:certificate/0000-missing";
        const string iam = "arn:aws:iam::123456789012:server-certificate/legacy";

        var onlyUnknown = IngressCertificates.Resolve(Model([unknown], false, "shop.example.org"), [Cert("exact", 300, "shop.example.org")], Now, Week);
        var withIam = IngressCertificates.Resolve(Model([unknown, iam], false, "shop.example.org"), [], Now, Week);

        onlyUnknown.Arns.Should().BeEmpty("an unknown certificate never reaches a load balancer other Ingresses share");
        onlyUnknown.Problems.Select(p => p.Reason).Should().Equal("CertificateNotFound", "CertificateNotFound");
        onlyUnknown.Problems[0].Message.Should().Contain(unknown);
        onlyUnknown.Problems[1].Message.Should().EndWith("it is served on HTTP only");
        onlyUnknown.HostsWithoutCertificate.Should().Be(1);
        withIam.Arns.Should().Equal(iam);
        withIam.Problems.Should().ContainSingle().Which.Message.Should().Contain(unknown);
    }

    [Fact]
    public void Resolve_CertificateAwsRefused_IsLeftOut_DiscoveryTakesTheNextBest()
    {
        var exact = Cert("exact", 300, "shop.example.org");
        var wild = Cert("wild", 300, "*.example.org");
        var refused = new Dictionary<string, string> { [exact.Arn] = "CertificateNotFound: gone" };

        var discovered = IngressCertificates.Resolve(Model(null, false, "shop.example.org"), [exact, wild], Now, Week, refused);
        var pinned = IngressCertificates.Resolve(Model([exact.Arn], false, "shop.example.org"), [exact, wild], Now, Week, refused);

        discovered.Arns.Should().Equal(wild.Arn);
        pinned.Arns.Should().BeEmpty();
        pinned.Problems[0].Message.Should().Contain("AWS refused certificate").And.Contain("CertificateNotFound: gone");
    }

    [Fact]
    public void Resolve_OnlyAnExpiringCertificate_IsServed_WithAnExpiringSoonProblem()
    {
        var resolved = IngressCertificates.Resolve(Model(null, false, "shop.example.org"), [Cert("expiring", 3, "shop.example.org")], Now, Week);

        resolved.Arns.Should().ContainSingle().Which.Should().EndWith("/expiring");
        resolved.HostsOnExpiringCertificate.Should().Be(1);
        resolved.HostsWithoutCertificate.Should().Be(0);
        resolved.Problems.Should().ContainSingle().Which.Should().Be(new Problem("CertificateExpiringSoon",
            "the only certificate covering host shop.example.org, arn:aws:acm:eu-central-1:123456789012:certificate/expiring, expires at 2026-06-04T00:00:00Z; it is still served: renew it or add a newer one"));
    }

    [Fact]
    public void Resolve_HostWithoutCertificate_IsAProblemAndTheOthersAreServed()
    {
        var resolved = IngressCertificates.Resolve(Model(null, false, "nocert.other.org", "shop.example.org"), [Cert("exact", 300, "shop.example.org")], Now, Week);

        resolved.Arns.Should().ContainSingle().Which.Should().EndWith("/exact");
        resolved.Problems.Should().ContainSingle().Which.Should().Be(new Problem("CertificateNotFound",
            "no valid ISSUED ACM certificate covers host nocert.other.org; it is served on HTTP only"));
    }
}
