using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.ElbV2;

/// <summary>
/// Listener security policies as AWS takes them: only predefined names (load balancers have no custom policies), any other
/// name answers SSLPolicyNotFound (botocore elbv2 SSLPolicyNotFoundException, HTTP 400) and changes nothing; plain HTTP and
/// TCP listeners take no policy at all.
/// </summary>
public sealed class SslPolicyTests : IAsyncLifetime
{
    private static readonly string[] Subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"];
    private TestAws _aws = null!;
    private ElbV2Client _elb = null!;
    private LoadBalancerDescription _lb = null!;
    private TargetGroupDescription _tg = null!;
    private string _certificate = "";

    public async Task InitializeAsync()
    {
        _aws = await TestAws.StartAsync();
        _elb = new ElbV2Client(_aws.Transport);
        _lb = await _elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest("web", Subnets));
        _tg = await _elb.CreateTargetGroupAsync(new CreateTargetGroupRequest("web", "HTTP", 9999, "vpc-0a1b2c3d4e5f60001"));
        _certificate = "arn:aws:acm:eu-central-1:123456789012:certificate/ssl-policy-test";
        lock (_aws.State.Gate)
        {
            _aws.State.Certificates.Add(new Certificate { Arn = _certificate, DomainName = "example.org", CreatedAt = DateTimeOffset.UtcNow, NotAfter = DateTimeOffset.UtcNow.AddDays(90) });
        }
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private Task<ListenerDescription> CreateHttpsAsync(string? policy) =>
        _elb.CreateListenerAsync(new CreateListenerRequest(_lb.Arn, "HTTPS", 443, [ListenerActionSpec.Forward(_tg.Arn)]) { DefaultCertificateArn = _certificate, SslPolicy = policy });

    [Theory]
    [InlineData("ELBSecurityPolicy-2016-08")]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-2021-06")]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09")]
    [InlineData("ELBSecurityPolicy-FS-1-2-Res-2020-10")]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04")]
    public async Task CreateListener_PredefinedPolicy_IsTaken(string policy)
    {
        (await CreateHttpsAsync(policy)).SslPolicy.Should().Be(policy);
    }

    [Fact]
    public async Task CreateListener_NoPolicy_GetsTheApiDefault()
    {
        (await CreateHttpsAsync(null)).SslPolicy.Should().Be("ELBSecurityPolicy-2016-08", "the CLI/API default, not the console's");
    }

    [Theory]
    [InlineData("ELBSecurityPolicy-TLS-1-2-2099-01")]
    [InlineData("elbsecuritypolicy-2016-08")]
    [InlineData("my-custom-policy")]
    public async Task CreateListener_UnknownPolicy_IsSslPolicyNotFound_AndNoListenerExists(string policy)
    {
        var act = () => CreateHttpsAsync(policy);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("SSLPolicyNotFound");
        error.StatusCode.Should().Be(400);
        error.Attempts.Should().Be(1, "a refusal is not retried");
        (await _elb.DescribeListenersAsync(_lb.Arn)).Should().BeEmpty();
    }

    [Fact]
    public async Task ModifyListener_UnknownPolicy_IsSslPolicyNotFound_AndThePolicyStays()
    {
        var https = await CreateHttpsAsync("ELBSecurityPolicy-TLS13-1-2-2021-06");

        var act = () => _elb.ModifyListenerAsync(new ModifyListenerRequest(https.Arn) { SslPolicy = "ELBSecurityPolicy-Nope" });

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("SSLPolicyNotFound");
        (await _elb.DescribeListenersAsync(listenerArns: [https.Arn])).Single().SslPolicy.Should().Be("ELBSecurityPolicy-TLS13-1-2-2021-06");
    }

    [Fact]
    public async Task CreateListener_PolicyOnPlainHttp_IsValidationError()
    {
        var act = () => _elb.CreateListenerAsync(new CreateListenerRequest(_lb.Arn, "HTTP", 80, [ListenerActionSpec.Forward(_tg.Arn)]) { SslPolicy = "ELBSecurityPolicy-2016-08" });

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("ValidationError");
        error.AwsMessage.Should().Contain("SSL policy cannot be specifed for HTTP listeners");
    }
}
