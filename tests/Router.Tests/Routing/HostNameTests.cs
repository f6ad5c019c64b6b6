using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Tests.Routing;

public sealed class HostNameTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("example.com:8080", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("example.com.:443", "example.com")]
    [InlineData("[::1]:8080", "[::1]")]
    [InlineData("", "")]
    public void Trim_HostHeader_DropsPortAndTrailingDot(string header, string expected) =>
        HostName.Trim(header).ToString().Should().Be(expected);

    [Theory]
    [InlineData("a.example.com", "example.com")]
    [InlineData("a.b.example.com", "b.example.com")]
    [InlineData("localhost", "")]
    public void WildcardSuffix_Host_IsEverythingAfterTheFirstLabel(string host, string expected) =>
        HostName.WildcardSuffix(host).ToString().Should().Be(expected);
}
