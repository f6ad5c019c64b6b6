using AwsIntegrations.Hosting.Options;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Tests.Options;

public class IngressControllerOptionsTests
{
    private static IngressControllerOptions Bind(params string[] args) => FlagBinder.Bind<IngressControllerOptions>(["--cluster-id=prod", .. args], _ => null);

    [Fact]
    public void DeregistrationDelay_DefaultsToAwsOwnFiveMinutes()
    {
        Bind().DeregistrationDelay.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("--deregistration-delay=30s")]
    [InlineData("--deregistration-delay-timeout=30s")]
    public void DeregistrationDelay_OurNameAndKubeIngressAwsControllersName_AreBothUnderstood(string flag)
    {
        Bind(flag).DeregistrationDelay.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("--deregistration-delay=61m")]
    [InlineData("--deregistration-delay=-1s")]
    [InlineData("--deregistration-delay=five")]
    public void DeregistrationDelay_OutsideZeroToAnHourOrNotADuration_IsAClearError(string flag)
    {
        var act = () => Bind(flag);

        act.Should().Throw<FlagException>().Which.Message.Should().Contain("deregistration-delay");
    }

    [Theory]
    [InlineData("--waf-web-acl-arn")]
    [InlineData("--aws-waf-web-acl-id")]
    public void WafWebAclArn_OurNameAndKubeIngressAwsControllersName_TakeAWafv2Arn(string flag)
    {
        const string arn = "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/shop/0c8e5f1a-2b3c-4d5e-8f90-1a2b3c4d5e6f";

        var options = Bind($"{flag}={arn}");

        options.WafWebAclArn.Should().Be(arn);
        options.Validate().Should().BeNull();
    }

    [Theory]
    [InlineData("0c8e5f1a-2b3c-4d5e-8f90-1a2b3c4d5e6f")]
    [InlineData("arn:aws:waf-regional:eu-central-1:123456789012:webacl/0c8e5f1a")]
    [InlineData("arn:aws:wafv2:us-east-1:123456789012:global/webacl/cloudfront/0c8e5f1a")]
    public void WafWebAclArn_ClassicIdOrNotARegionalWafv2Arn_IsAClearError(string value)
    {
        var act = () => Bind($"--waf-web-acl-arn={value}");

        act.Should().Throw<FlagException>().Which.Message.Should().Contain("--waf-web-acl-arn").And.Contain("regional/webacl")
            .And.Contain("classic WAF web ACL ids are not supported");
    }

    [Fact]
    public void AwsWafv2Rps_DefaultsToHalfARequestPerSecond_AndTakesAFlag()
    {
        Bind().Aws.Wafv2Rps.Should().Be(0.5);
        Bind("--aws-wafv2-rps=2").Aws.Wafv2Rps.Should().Be(2);
    }

    [Fact]
    public void AwsWafv2Rps_AboveTheRange_IsAClearError()
    {
        var act = () => Bind("--aws-wafv2-rps=1000");

        act.Should().Throw<FlagException>().Which.Message.Should().Contain("--aws-wafv2-rps");
    }
}
