using AwsIntegrations.DnsController.Registry;

namespace AwsIntegrations.DnsController.Tests.Registry;

public class TxtNameMapperTests
{
    [Theory]
    [InlineData("", "", "", "www.example.com", "A", "a-www.example.com")]
    [InlineData("", "", "", "www.example.com", "CNAME", "cname-www.example.com")]
    [InlineData("", "", "", "www.example.com", "AAAA", "aaaa-www.example.com")]
    [InlineData("", "", "", "*.example.com", "A", "a-*.example.com")]
    [InlineData("", "", "wildcard", "*.example.com", "A", "a-wildcard.example.com")]
    [InlineData("myprefix-", "", "", "foo.bar.com", "CNAME", "myprefix-cname-foo.bar.com")]
    [InlineData("%{record_type}-abc-.", "", "", "www.ex.com", "CNAME", "cname-abc-.www.ex.com")]
    [InlineData("", "-%{record_type}", "", "www.ex.com", "A", "www-a.ex.com")]
    [InlineData("", "-owner", "", "www.ex.com", "A", "a-www-owner.ex.com")]
    [InlineData("", "", "", "example", "A", "a-example")]
    public void ToTxtName_FollowsExternalDnsMapper(string prefix, string suffix, string wildcard, string name, string type, string expected)
    {
        new TxtNameMapper(prefix, suffix, wildcard).ToTxtName(name, type).Should().Be(expected);
    }

    // external-dns v0.11 registry/txt.go toTXTName: <prefix><first label><suffix>.<rest>; v0.13 drops %{record_type} for it.
    [Theory]
    [InlineData("", "", "", "www.example.com", "www.example.com")]
    [InlineData("pre-", "", "", "www.example.com", "pre-www.example.com")]
    [InlineData("txt.", "", "", "www.example.com", "txt.www.example.com")]
    [InlineData("", "-suf", "", "www.example.com", "www-suf.example.com")]
    [InlineData("%{record_type}-", "", "", "www.example.com", "-www.example.com")]
    [InlineData("", "", "wildcard", "*.example.com", "wildcard.example.com")]
    public void ToOldTxtName_FollowsExternalDnsBeforeTheTypedFormat(string prefix, string suffix, string wildcard, string name, string expected)
    {
        new TxtNameMapper(prefix, suffix, wildcard).ToOldTxtName(name).Should().Be(expected);
    }

    [Fact]
    public void IsValidName_RefusesLabelsOverSixtyThreeCharacters()
    {
        TxtNameMapper.IsValidName("a-" + new string('x', 61) + ".example.com").Should().BeTrue();
        TxtNameMapper.IsValidName("a-" + new string('x', 62) + ".example.com").Should().BeFalse();
        TxtNameMapper.IsValidName(string.Join(".", Enumerable.Repeat(new string('x', 63), 4))).Should().BeFalse();
    }
}
