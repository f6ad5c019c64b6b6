using DnsController.Registry;

namespace DnsController.Tests.Registry;

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
}
