using System.Text;
using Amazon.Runtime;
using AwsIntegrations.Emulators.Aws;

namespace AwsIntegrations.Aws.Tests.Credentials;

/// <summary>Credentials come from AWSSDK.Core's providers; what they give must sign requests AWS (the emulator) accepts.</summary>
[Collection(ProcessEnvironment.Name)]
public sealed class CredentialsTests : IAsyncLifetime
{
    private TestAws _aws = null!;

    public async Task InitializeAsync() => _aws = await TestAws.StartAsync();

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private async Task<IReadOnlyList<Ec2Vpc>> DescribeVpcsWithAsync(IAwsCredentialsProvider credentials) =>
        await new Ec2Client(new AwsTransport(_aws.Http, credentials, _aws.Endpoints, _aws.Options)).DescribeVpcsAsync();

    [Fact]
    public async Task DefaultChain_EnvironmentVariables_SignRequests()
    {
        using var env = ProcessEnvironment.Set(new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = AwsEmulator.DefaultCredentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = AwsEmulator.DefaultCredentials.SecretAccessKey,
        });

        var credentials = await new SdkCredentialsProvider().GetCredentialsAsync(CancellationToken.None);

        credentials.AccessKeyId.Should().Be(AwsEmulator.DefaultCredentials.AccessKeyId);
        (await DescribeVpcsWithAsync(new SdkCredentialsProvider())).Should().ContainSingle();
    }

    [Fact]
    public async Task WebIdentity_IrsaTokenFile_AssumesTheRoleThroughTheConfiguredSts()
    {
        var tokenFile = Path.Combine(Path.GetTempPath(), $"token-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(tokenFile, Jwt("""{"iss":"https://oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLE","sub":"system:serviceaccount:default:web","aud":["sts.amazonaws.com"]}"""));
        try
        {
            using var env = ProcessEnvironment.Set(new Dictionary<string, string?>
            {
                ["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile,
                ["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/web",
                ["AWS_ROLE_SESSION_NAME"] = "web-session",
                ["AWS_REGION"] = "eu-central-1",
                ["AWS_ENDPOINT_URL_STS"] = _aws.Emulator.BaseUrl.ToString(),
            });

            var provider = new SdkCredentialsProvider(AssumeRoleWithWebIdentityCredentials.FromEnvironmentVariables());
            var credentials = await provider.GetCredentialsAsync(CancellationToken.None);
            var vpcs = await DescribeVpcsWithAsync(provider);

            credentials.AccessKeyId.Should().StartWith("ASIA");
            credentials.SessionToken.Should().NotBeNullOrEmpty();
            vpcs.Should().ContainSingle("the temporary keys from STS sign the EC2 call");
            _aws.Calls.Of("sts", "AssumeRoleWithWebIdentity").Should().ContainSingle(c => c.Succeeded);
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }

    [Fact]
    public async Task WebIdentity_NotAJwt_IsInvalidIdentityToken()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRoleWithWebIdentity", ["Version"] = "2011-06-15", ["RoleArn"] = "arn:aws:iam::123456789012:role/web",
            ["RoleSessionName"] = "s", ["WebIdentityToken"] = "garbage",
        });

        using var response = await _aws.Http.PostAsync(_aws.Emulator.BaseUrl, content);

        ((int)response.StatusCode).Should().Be(400);
        (await response.Content.ReadAsStringAsync()).Should().Contain("InvalidIdentityToken");
    }

    [Fact]
    public async Task SdkSessionCredentials_KeepTheirSessionToken()
    {
        var provider = new SdkCredentialsProvider(new SessionAWSCredentials("ASIAEXAMPLE", "secret", "token"));

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        credentials.Should().Be(new AwsCredentials("ASIAEXAMPLE", "secret", "token"));
        credentials.ToString().Should().NotContain("secret", "credentials never end up in logs");
    }

    [Fact]
    public void Region_FlagWinsOverTheSdkChain()
    {
        AwsRegion.Resolve(new AwsOptions { Region = "ap-southeast-1" }).Should().Be("ap-southeast-1");
    }

    private static string Jwt(string payload)
    {
        static string Encode(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Encode("""{"alg":"RS256","kid":"k"}""")}.{Encode(payload)}.c2lnbmF0dXJl";
    }
}
