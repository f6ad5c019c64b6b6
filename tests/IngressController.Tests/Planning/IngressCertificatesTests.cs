using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Tests.Planning;

public class IngressCertificatesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static CertificateInfo Cert(string arn, int daysLeft, params string[] names) =>
        new($"arn:aws:acm:eu-central-1:123456789012:certificate/{arn}", names, Now.AddDays(-30), Now.AddDays(daysLeft));

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
