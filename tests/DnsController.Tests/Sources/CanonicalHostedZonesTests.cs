using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Tests.Sources;

public class CanonicalHostedZonesTests
{
    [Theory]
    [InlineData("web-1234567890.eu-central-1.elb.amazonaws.com", "Z215JYRZR1TBD5")]
    [InlineData("dualstack.web-1234567890.us-east-1.elb.amazonaws.com", "Z35SXDOTRQ7X7K")]
    [InlineData("internal-web-1234567890.us-west-2.elb.amazonaws.com.", "Z1H1FL5HABSF5")]
    [InlineData("net-0123456789abcdef.elb.eu-central-1.amazonaws.com", "Z3F0SRJ5LGBH90")]
    [InlineData("net-0123456789abcdef.elb.us-gov-west-1.amazonaws.com", "ZMG1MZ2THAWF1")]
    [InlineData("web-1.cn-north-1.elb.amazonaws.com.cn", "Z1GDH35T77C1KE")]
    public void For_LoadBalancerHostnames_GivesTheRegionsZone(string hostname, string zone)
    {
        CanonicalHostedZones.For(hostname).Should().Be(zone);
    }

    [Theory]
    [InlineData("lb.example.net")]
    [InlineData("web-1.mars-north-1.elb.amazonaws.com")]
    [InlineData("elb.amazonaws.com")]
    [InlineData("d111111abcdef8.cloudfront.net")]
    public void For_OtherHostnames_IsNull(string hostname)
    {
        CanonicalHostedZones.For(hostname).Should().BeNull();
    }

    [Fact]
    public void Table_CoversEveryRegionOfTheReference()
    {
        CanonicalHostedZones.RegionCount.Should().Be(38);
    }
}
