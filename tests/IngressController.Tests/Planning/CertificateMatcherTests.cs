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
    public void Resolve_ExplicitArns_WinOverDiscovery()
    {
        var model = new IngressModel("default/shop", ["shop.example.org"], ["arn:aws:acm:eu-central-1:123456789012:certificate/pinned"],
            new GroupKey("internet-facing", "ipv4", null, "p", null, true, false), false, [], []);

        var (arns, problems) = IngressCertificates.Resolve(model, [Cert("exact", 300, "shop.example.org")], Now, Week);

        arns.Should().Equal("arn:aws:acm:eu-central-1:123456789012:certificate/pinned");
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Resolve_HostWithoutCertificate_IsAProblemAndTheOthersAreServed()
    {
        var model = new IngressModel("default/shop", ["nocert.other.org", "shop.example.org"], null,
            new GroupKey("internet-facing", "ipv4", null, "p", null, true, false), false, [], []);

        var (arns, problems) = IngressCertificates.Resolve(model, [Cert("exact", 300, "shop.example.org")], Now, Week);

        arns.Should().ContainSingle().Which.Should().EndWith("/exact");
        problems.Should().ContainSingle().Which.Should().Be(new IngressProblem("CertificateNotFound",
            "no ISSUED ACM certificate valid for at least 7 days covers host nocert.other.org; it is served on HTTP only"));
    }
}
