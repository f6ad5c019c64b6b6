using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Credentials;
using AwsIntegrations.Kube2Iam.Iptables;
using AwsIntegrations.Kube2Iam.Metadata;

namespace AwsIntegrations.Kube2Iam.Tests.Unit;

public sealed class MetadataPieceTests
{
    private static readonly RouteTable Routes = new(allowUserData: false, block: null, allow: null);

    [Theory]
    [InlineData("/latest/api/token", RouteKind.Token, "")]
    [InlineData("/latest/meta-data/iam", RouteKind.IamRoot, "")]
    [InlineData("/latest/meta-data/iam/info", RouteKind.IamInfo, "")]
    [InlineData("/latest/meta-data/iam/security-credentials", RouteKind.CredentialsList, "")]
    [InlineData("/latest/meta-data/iam/security-credentials/", RouteKind.CredentialsList, "")]
    [InlineData("/latest/meta-data/iam/security-credentials/app", RouteKind.CredentialsForRole, "app")]
    [InlineData("/latest/meta-data/iam/security-credentials/app?x=1", RouteKind.CredentialsForRole, "app")]
    [InlineData("/latest/meta-data/iam/other", RouteKind.NotFound, "")]
    [InlineData("/latest/meta-data/instance-id", RouteKind.Proxy, "meta-data/instance-id")]
    [InlineData("/latest/dynamic/instance-identity/document", RouteKind.Proxy, "dynamic/instance-identity/document")]
    [InlineData("/latest/user-data", RouteKind.Blocked, "user-data is blocked (--allow-user-data)")]
    [InlineData("/2021-01-03/api/token", RouteKind.Blocked, "only /latest/ metadata outside iam/ is proxied")]
    [InlineData("/latest/meta-data/%2e%2e/x", RouteKind.Invalid, "")]
    public void Classify_Paths(string target, RouteKind kind, string value)
    {
        var route = Routes.Classify(target);

        route.Kind.Should().Be(kind);
        route.Value.Should().Be(value);
    }

    [Fact]
    public void SessionTokens_BoundToPodAndIp_AndExpire()
    {
        var time = new FakeTimeProvider();
        var tokens = new SessionTokens(time);
        var token = tokens.Issue("uid-1", "10.0.0.1", 60);

        tokens.Check(token, "uid-1", "10.0.0.1").Should().Be(TokenCheck.Valid);
        tokens.Check(token, "uid-2", "10.0.0.1").Should().Be(TokenCheck.Invalid);
        tokens.Check(token, "uid-1", "10.0.0.2").Should().Be(TokenCheck.Invalid);
        new SessionTokens(time).Check(token, "uid-1", "10.0.0.1").Should().Be(TokenCheck.Invalid, "another daemon's key");
        time.Advance(TimeSpan.FromSeconds(60));
        tokens.Check(token, "uid-1", "10.0.0.1").Should().Be(TokenCheck.Expired);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("!!!!.????")]
    [InlineData("AAAAAAAAAAA.AAAA")]
    public void SessionTokens_Garbage_Invalid(string token) =>
        new SessionTokens(TimeProvider.System).Check(token, "uid", "ip").Should().Be(TokenCheck.Invalid);

    [Theory]
    [InlineData("1", 1)]
    [InlineData("21600", 21600)]
    [InlineData("0", null)]
    [InlineData("21601", null)]
    [InlineData("-5", null)]
    [InlineData(" 5", null)]
    [InlineData(null, null)]
    public void ParseTtl_OnlyOneTo21600(string? header, int? expected) => SessionTokens.ParseTtl(header).Should().Be(expected);

    [Theory]
    [InlineData("cali+", "-p tcp -d 169.254.169.254 --dport 80 -i cali+ -j DNAT --to-destination 10.0.0.5:8181")]
    [InlineData("!eth0", "-p tcp -d 169.254.169.254 --dport 80 ! -i eth0 -j DNAT --to-destination 10.0.0.5:8181")]
    public void IptablesRule_InterfaceForms(string iface, string expected) =>
        string.Join(' ', new IptablesRule(iface, "10.0.0.5", 8181).Spec()).Should().Be(expected);

    [Fact]
    public void IptablesRule_Command_NatPreroutingWithLockWait() =>
        string.Join(' ', new IptablesRule("eni+", "10.0.0.5", 8181).Command("-C")).Should().StartWith("-w 5 -t nat -C PREROUTING -p tcp");

    [Theory]
    [InlineData(15, 1800, 1200)]
    [InlineData(5, 1800, 1200)]
    [InlineData(60, 7200, 3600)]
    [InlineData(360, 43200, 21600)]
    public void CacheSettings_DurationTwiceTtl_RefreshLeavesFiveMinutesAboveTheFloor(int ttlMinutes, int durationSeconds, int refreshSeconds)
    {
        var settings = new CredentialCacheSettings(TimeSpan.FromMinutes(ttlMinutes), TimeSpan.FromSeconds(5));

        settings.SessionDuration.TotalSeconds.Should().Be(durationSeconds);
        settings.RefreshWhenRemaining.TotalSeconds.Should().Be(refreshSeconds);
    }
}
