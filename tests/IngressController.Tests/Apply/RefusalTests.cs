using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Apply;

namespace AwsIntegrations.IngressController.Tests.Apply;

public class RefusalTests
{
    private static AwsServiceException Error(string code, int status) => new("elbv2", "CreateLoadBalancer", code, "message", "id", status, 1);

    [Theory]
    [InlineData("InvalidSecurityGroup", 400)]
    [InlineData("SSLPolicyNotFound", 400)]
    [InlineData("CertificateNotFound", 400)]
    [InlineData("TooManyLoadBalancers", 400)]
    [InlineData("ValidationError", 400)]
    [InlineData("IncompatibleProtocols", 400)]
    [InlineData("InvalidTarget", 400)]
    public void AboutWhatWasAsked_IsARefusalOfThatLoadBalancer(string code, int status)
    {
        Refusal.IsRefusal(Error(code, status)).Should().BeTrue();
    }

    [Theory]
    [InlineData("Throttling", 400)]
    [InlineData("ServiceUnavailable", 503)]
    [InlineData("InternalFailure", 500)]
    [InlineData("AccessDenied", 403)]
    [InlineData("UnrecognizedClientException", 400)]
    [InlineData("LoadBalancerNotFound", 400)]
    [InlineData("ListenerNotFound", 400)]
    [InlineData("DuplicateTargetGroupName", 400)]
    [InlineData("RequestFailed", 0)]
    public void ThrottlingOutagesPermissionsOrWhatWeKnewGoneMissing_FailThePass(string code, int status)
    {
        Refusal.IsRefusal(Error(code, status)).Should().BeFalse();
    }
}
