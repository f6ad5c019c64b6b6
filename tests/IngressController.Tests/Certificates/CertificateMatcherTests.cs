using AwsIntegrations.IngressController.Certificates;

namespace AwsIntegrations.IngressController.Tests.Certificates;

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
    public void Best_TwoEquallySpecific_TheMostRecentlyIssuedWins_AsKubeIngressAwsControllerChooses()
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
}
