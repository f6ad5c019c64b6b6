using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Options;

namespace AwsIntegrations.DnsController.Tests.Inventory;

/// <summary>Zones and names are matched as external-dns matches them (endpoint/domain_filter.go, provider/aws/aws.go zones()).</summary>
public class ZoneFilterTests
{
    private static readonly Zone Parent = new("Z1", "example.com", false);
    private static readonly Zone Child = new("Z2", "dev.example.com", false);

    private static ZoneFilter Filter(params string[] flags) => ZoneFilter.From(AwsIntegrations.Hosting.Options.FlagBinder.Bind<DnsControllerOptions>(flags, _ => null));

    // endpoint/domain_filter.go matchFilter: "example.com" matches itself and names under it; ".example.com" only names under it.
    [Theory]
    [InlineData("example.com", "example.com", true)]
    [InlineData("example.com", "www.example.com", true)]
    [InlineData("example.com", "notexample.com", false)]
    [InlineData(".example.com", "example.com", false)]
    [InlineData(".example.com", "www.example.com", true)]
    [InlineData("Example.COM.", "WWW.example.com.", true)]
    public void Accepts_DomainFilter_MatchesAsExternalDns(string domain, string name, bool accepted)
    {
        Filter("--domain-filter", domain).Accepts(name).Should().Be(accepted);
    }

    [Fact]
    public void Accepts_ExcludedDomain_WinsOverTheFilter()
    {
        var filter = Filter("--domain-filter=example.com", "--exclude-domains=internal.example.com");

        filter.Accepts("www.example.com").Should().BeTrue();
        filter.Accepts("internal.example.com").Should().BeFalse();
        filter.Accepts("db.internal.example.com").Should().BeFalse();
    }

    // endpoint/domain_filter.go Match: the regex filter takes precedence over --domain-filter.
    [Fact]
    public void Accepts_RegexFilter_ReplacesTheDomainListsAndExclusionWins()
    {
        var filter = Filter("--domain-filter=example.org", @"--regex-domain-filter=^(www|api)\.example\.com$", @"--regex-domain-exclusion=^api\.");

        filter.Accepts("www.example.com").Should().BeTrue();
        filter.Accepts("api.example.com").Should().BeFalse();
        filter.Accepts("www.example.org").Should().BeFalse();
        Filter(@"--regex-domain-exclusion=^internal\.").Accepts("www.example.org").Should().BeTrue();
    }

    // provider/aws/aws.go zones(): a zone is selected when its own name matches; its parent only with --aws-zone-match-parent.
    [Fact]
    public void AcceptsZone_ParentOfTheFilteredDomain_OnlyWithMatchParent()
    {
        Filter("--domain-filter=dev.example.com").Accepts(Parent).Should().BeFalse();
        Filter("--domain-filter=dev.example.com").Accepts(Child).Should().BeTrue();
        Filter("--domain-filter=dev.example.com", "--aws-zone-match-parent").Accepts(Parent).Should().BeTrue();
        Filter("--domain-filter=.dev.example.com", "--aws-zone-match-parent").Accepts(Parent).Should().BeFalse();
        Filter("--domain-filter=example.com").Accepts(Child).Should().BeTrue();
    }

    [Fact]
    public void Bind_InvalidRegex_IsAClearError()
    {
        var bind = () => Filter("--regex-domain-filter=(unclosed");

        bind.Should().Throw<AwsIntegrations.Hosting.Options.FlagException>().Which.Message.Should().Contain("--regex-domain-filter");
    }
}
