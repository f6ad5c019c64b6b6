using Amazon.Runtime;
using Amazon.SecurityToken;
using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.Sts;

public sealed class StsTests : IAsyncLifetime
{
    private TestAws _aws = null!;

    public async Task InitializeAsync() => _aws = await TestAws.StartAsync();

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private StsClient Client(AwsCredentials? credentials = null) =>
        new(new StaticCredentialsProvider(credentials ?? AwsEmulator.DefaultCredentials), _aws.Endpoints, _aws.Options, _aws.Metrics);

    [Fact]
    public async Task AssumeRole_AllParameters_ReturnsTemporaryCredentialsThatSignLaterCalls()
    {
        using var sts = Client();

        var role = await sts.AssumeRoleAsync(new AssumeRoleRequest("arn:aws:iam::123456789012:role/app-reader", "pod-default-web")
        {
            ExternalId = "ext-1",
            Duration = TimeSpan.FromMinutes(15),
            SourceIdentity = "web-7f9",
            Tags = new Dictionary<string, string> { ["namespace"] = "default" },
            TransitiveTagKeys = ["namespace"],
        }, CancellationToken.None);

        role.AssumedRoleArn.Should().Be("arn:aws:sts::123456789012:assumed-role/app-reader/pod-default-web");
        role.Credentials.AccessKeyId.Should().StartWith("ASIA");
        role.Credentials.SessionToken.Should().NotBeNullOrEmpty();
        role.SourceIdentity.Should().Be("web-7f9");
        role.Expiration.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        var call = _aws.Calls.Of("sts", "AssumeRole").Single();
        call.RequestBody.Should().Contain("ExternalId=ext-1").And.Contain("DurationSeconds=900").And.Contain("Tags.member.1.Key=namespace");

        using var asRole = Client(role.Credentials);
        var identity = await asRole.GetCallerIdentityAsync(CancellationToken.None);
        // The emulator checked the session token and signature of the new keys, and knows whose session they are: GetCallerIdentity
        // of a role session answers the assumed-role ARN and the user id role-id:session-name, as STS does.
        identity.Arn.Should().Be(role.AssumedRoleArn);
        identity.UserId.Should().Be(role.AssumedRoleId).And.EndWith(":pod-default-web");
    }

    [Fact]
    public async Task AssumeRole_EmulatorCredentialLifetimeSet_ExpiresAfterItInsteadOfTheDurationAsked()
    {
        _aws.State.StsCredentialLifetime = TimeSpan.FromSeconds(1215);
        using var sts = Client();

        var role = await sts.AssumeRoleAsync(new AssumeRoleRequest("arn:aws:iam::123456789012:role/short", "bench") { Duration = TimeSpan.FromMinutes(30) }, CancellationToken.None);

        role.Expiration.Should().BeCloseTo(DateTimeOffset.UtcNow.AddSeconds(1215), TimeSpan.FromSeconds(30));
        _aws.Calls.Of("sts", "AssumeRole").Single().RequestBody.Should().Contain("DurationSeconds=1800", "the client asked for its own duration");
    }

    [Fact]
    public async Task AssumeRole_WrongExternalId_IsTypedAccessDenied()
    {
        _aws.State.Roles["guarded"] = "expected-id";
        using var sts = Client();

        var act = () => sts.AssumeRoleAsync(new AssumeRoleRequest("arn:aws:iam::123456789012:role/guarded", "s1") { ExternalId = "wrong" }, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("AccessDenied");
        error.StatusCode.Should().Be(403);
        error.RequestId.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("not-an-arn", "s1", 3600)]
    [InlineData("arn:aws:iam::123456789012:role/x", "bad name!", 3600)]
    [InlineData("arn:aws:iam::123456789012:role/x", "s1", 60)]
    public async Task AssumeRole_InvalidInput_IsValidationError(string arn, string session, int seconds)
    {
        using var sts = Client();

        var act = () => sts.AssumeRoleAsync(new AssumeRoleRequest(arn, session) { Duration = TimeSpan.FromSeconds(seconds) }, CancellationToken.None);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("ValidationError");
    }

    [Fact]
    public async Task GetCallerIdentity_UnknownAccessKey_IsInvalidClientTokenId()
    {
        using var sts = Client(new AwsCredentials("AKIDUNKNOWN", "whatever"));

        var act = () => sts.GetCallerIdentityAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InvalidClientTokenId");
    }

    [Fact]
    public async Task RealSdkClient_AgainstEmulatorSts_SignsAndParses()
    {
        var config = new AmazonSecurityTokenServiceConfig { ServiceURL = _aws.Emulator.BaseUrl.ToString(), AuthenticationRegion = "eu-central-1" };
        using var sdk = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials(AwsEmulator.DefaultCredentials.AccessKeyId, AwsEmulator.DefaultCredentials.SecretAccessKey), config);

        var response = await sdk.AssumeRoleAsync(new Amazon.SecurityToken.Model.AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::123456789012:role/sdk-check",
            RoleSessionName = "sdk",
            DurationSeconds = 1800,
        });

        response.Credentials.AccessKeyId.Should().StartWith("ASIA");
        response.AssumedRoleUser.Arn.Should().Be("arn:aws:sts::123456789012:assumed-role/sdk-check/sdk");
        response.Credentials.Expiration.Should().NotBeNull();
        var identity = await sdk.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest());
        identity.Account.Should().Be("123456789012");
    }

    [Fact]
    public async Task RealSdkClient_WrongSecret_GetsSignatureDoesNotMatch()
    {
        var config = new AmazonSecurityTokenServiceConfig { ServiceURL = _aws.Emulator.BaseUrl.ToString(), AuthenticationRegion = "eu-central-1", MaxErrorRetry = 0 };
        using var sdk = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials(AwsEmulator.DefaultCredentials.AccessKeyId, "wrong-secret"), config);

        var act = () => sdk.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest());

        (await act.Should().ThrowAsync<AmazonSecurityTokenServiceException>()).Which.ErrorCode.Should().Be("SignatureDoesNotMatch");
    }
}
