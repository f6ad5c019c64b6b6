using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Aws.Tests.Imds;

public sealed class InstanceMetadataTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestAws _aws = null!;

    public async Task InitializeAsync() => _aws = await TestAws.StartAsync(emulatorTime: _time);

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private InstanceMetadataClient Client() => new(_aws.Http, _aws.Emulator.BaseUrl.ToString(), _time);

    [Fact]
    public async Task Reads_InstanceIdentityAndPlacement_WithSessionToken()
    {
        var imds = Client();

        (await imds.GetInstanceIdAsync(CancellationToken.None)).Should().Be("i-0a1b2c3d4e5f60001");
        (await imds.GetRegionAsync(CancellationToken.None)).Should().Be("eu-central-1");
        (await imds.GetAvailabilityZoneAsync(CancellationToken.None)).Should().Be("eu-central-1a");
        imds.UsesV1.Should().BeFalse();
        _aws.Calls.Count("imds", "GetToken").Should().Be(1, "one token serves every read until it nears expiry");
    }

    [Fact]
    public async Task Reads_NodeRoleAndCredentials()
    {
        var imds = Client();

        var info = await imds.GetIamInfoAsync(CancellationToken.None);
        var role = await imds.GetRoleNameAsync(CancellationToken.None);
        var credentials = await imds.GetRoleCredentialsAsync(role, CancellationToken.None);

        info.InstanceProfileArn.Should().Be("arn:aws:iam::123456789012:instance-profile/sandbox-node");
        role.Should().Be("sandbox-node");
        credentials.Code.Should().Be("Success");
        credentials.AccessKeyId.Should().StartWith("ASIA");
        credentials.Expiration.Should().BeAfter(_time.GetUtcNow());
        _aws.State.AccessKeys.Should().ContainKey(credentials.AccessKeyId, "the node role's keys can sign requests to the emulator");
    }

    [Fact]
    public async Task TokenHopLimitExceeded_FallsBackToImdsV1()
    {
        _aws.State.Imds.TokenHopLimitExceeded = true;
        var imds = Client();

        (await imds.GetInstanceIdAsync(CancellationToken.None)).Should().Be("i-0a1b2c3d4e5f60001");

        imds.UsesV1.Should().BeTrue();
    }

    [Fact]
    public async Task TokensRequired_WithoutToken_IsUnauthorized()
    {
        _aws.State.Imds.HttpTokens = "required";

        using var response = await _aws.Http.GetAsync(new Uri(_aws.Emulator.BaseUrl, "/latest/meta-data/instance-id"));

        ((int)response.StatusCode).Should().Be(401);
        (await Client().GetInstanceIdAsync(CancellationToken.None)).Should().Be("i-0a1b2c3d4e5f60001", "the v2 client gets a token first");
    }

    [Fact]
    public async Task ExpiredToken_IsRefusedThenClientFetchesANewOne()
    {
        var imds = Client();
        await imds.GetInstanceIdAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(6) + TimeSpan.FromSeconds(1));
        await imds.GetRegionAsync(CancellationToken.None);

        _aws.Calls.Count("imds", "GetToken").Should().Be(2);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21601")]
    [InlineData("abc")]
    public async Task TokenRequest_InvalidTtl_IsBadRequest(string ttl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_aws.Emulator.BaseUrl, "/latest/api/token"));
        request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", ttl);

        using var response = await _aws.Http.SendAsync(request);

        ((int)response.StatusCode).Should().Be(400);
    }

    [Fact]
    public async Task TokenRequest_ThroughAProxy_IsForbidden()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_aws.Emulator.BaseUrl, "/latest/api/token"));
        request.Headers.Add("X-aws-ec2-metadata-token-ttl-seconds", "60");
        request.Headers.Add("X-Forwarded-For", "10.0.0.1");

        using var response = await _aws.Http.SendAsync(request);

        ((int)response.StatusCode).Should().Be(403);
    }

    [Fact]
    public async Task MissingPath_IsNullAndUserDataReadsRaw()
    {
        var imds = Client();

        (await imds.GetAsync("meta-data/no-such-thing", CancellationToken.None)).Should().BeNull();
        (await imds.GetAsync("user-data", CancellationToken.None)).Should().BeNull("the default instances have no user data");
        (await imds.GetAsync("meta-data/local-ipv4", CancellationToken.None)).Should().Be("10.0.1.10");
    }
}
