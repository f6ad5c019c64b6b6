using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Apply;

namespace AwsIntegrations.DnsController.Tests.Apply;

/// <summary>Route 53's error codes decide what a pass does; the message never does.</summary>
public class Route53ErrorsTests
{
    [Theory]
    [InlineData("InvalidChangeBatch", true, false, true)]
    [InlineData("InvalidInput", true, false, false)]
    [InlineData("NoSuchHostedZone", false, true, false)]
    [InlineData("AccessDenied", false, true, false)]
    [InlineData("Throttling", false, false, false)]
    [InlineData("PriorRequestNotComplete", false, false, false)]
    [InlineData("ServiceUnavailable", false, false, false)]
    public void Code_DecidesWhatARefusalMeans(string code, bool refusesBatch, bool refusesZone, bool mayContradictView)
    {
        Route53Errors.RefusesBatch(code).Should().Be(refusesBatch);
        Route53Errors.RefusesZone(code).Should().Be(refusesZone);
        Route53Errors.MayContradictView(code).Should().Be(mayContradictView);
    }

    [Theory]
    [InlineData("Throttling")]
    [InlineData("PriorRequestNotComplete")]
    public void TransientCodes_AreRetriedByTheAwsLayer_NotRefusals(string code)
    {
        RetryClassifier.IsRetryable(code, 400).Should().BeTrue();
        Route53Errors.RefusesBatch(code).Should().BeFalse();
        Route53Errors.RefusesZone(code).Should().BeFalse();
    }

    [Fact]
    public void TheConstants_AreRoute53sCodes()
    {
        // botocore route53 service-2.json: the error shapes' names are the codes Route 53 answers.
        new[] { Route53Errors.InvalidChangeBatch, Route53Errors.InvalidInput, Route53Errors.NoSuchHostedZone, Route53Errors.AccessDenied, Route53Errors.Throttling, Route53Errors.PriorRequestNotComplete }
            .Should().Equal("InvalidChangeBatch", "InvalidInput", "NoSuchHostedZone", "AccessDenied", "Throttling", "PriorRequestNotComplete");
    }
}
