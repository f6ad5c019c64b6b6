using System.Net;
using AwsIntegrations.Kube2Iam.Metadata;
using AwsIntegrations.Kube2Iam.Roles;
using AwsIntegrations.Kube2Iam.Tests.Harness;

namespace AwsIntegrations.Kube2Iam.Tests.Compatibility;

/// <summary>
/// What iam/security-credentials/ lists and under which name credentials are served, as kube2iam's server/server.go does:
/// securityCredentialsHandler lists the role ARN without the base ARN when it starts with it, else the full ARN, and
/// roleHandler ("/{version}/meta-data/iam/security-credentials/{role:.*}") serves the role named that way (iam/arn.go RoleARN).
/// </summary>
public sealed class RoleListingTests
{
    private const string Base = "arn:aws:iam::123456789012:role/";

    [Theory]
    [InlineData(Base + "app-role", Base, "app-role")]
    [InlineData(Base + "team/app-writer", Base, "team/app-writer")]
    [InlineData(Base + "team/app-writer", "arn:aws:iam::123456789012:role", "team/app-writer")] // cmd/main.go appends the "/"
    [InlineData("arn:aws:iam::210987654321:role/partner", Base, "arn:aws:iam::210987654321:role/partner")]
    [InlineData(Base + "team/app-writer", "", Base + "team/app-writer")]
    [InlineData(Base + "other/app", Base + "team/", Base + "other/app")]
    public void Listed_WithoutTheBaseArn_ElseTheFullArn(string roleArn, string baseArn, string listed) =>
        RoleArns.Listed(roleArn, baseArn).Should().Be(listed);

    [Theory]
    [InlineData("team/app-writer", Base, Base + "team/app-writer")]
    [InlineData("arn:aws:iam::210987654321:role/partner", Base, "arn:aws:iam::210987654321:role/partner")]
    [InlineData("ARN:aws:iam::210987654321:role/partner", Base, "ARN:aws:iam::210987654321:role/partner")] // strings.ToLower prefix check
    public void Wanted_AFullArnAsItIs_ElseJoinedToTheBase(string requested, string baseArn, string arn) =>
        RoleArns.Wanted(requested, baseArn).Should().Be(arn);

    [Theory]
    [InlineData("/latest/meta-data/iam/security-credentials/team/app-writer", RouteKind.CredentialsForRole, "team/app-writer")]
    [InlineData("/latest/meta-data/iam/security-credentials/arn:aws:iam::210987654321:role/partner", RouteKind.CredentialsForRole, "arn:aws:iam::210987654321:role/partner")]
    [InlineData("/latest/meta-data/local:ipv4", RouteKind.Invalid, "")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/", RouteKind.CredentialsList, "")]
    [InlineData("http://169.254.169.254:80/latest/meta-data/instance-id", RouteKind.Proxy, "meta-data/instance-id")]
    [InlineData("http://example.com/latest/meta-data/instance-id", RouteKind.Blocked, "only http://169.254.169.254 is served to proxy clients")]
    [InlineData("http://169.254.169.2540/latest/meta-data/instance-id", RouteKind.Blocked, "only http://169.254.169.254 is served to proxy clients")]
    public void Classify_RoleNamesWithPathsAndArns_AndProxyClients(string target, RouteKind kind, string value)
    {
        var route = new RouteTable(allowUserData: false, block: null, allow: null).Classify(target);

        route.Kind.Should().Be(kind);
        route.Value.Should().Be(value);
    }

    [Fact]
    public async Task PathRole_ListedWithItsPath_ServedUnderIt()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "writer-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "team/app-writer" });
        await using var daemon = await Daemon.StartAsync(cluster);
        var pod = daemon.As("127.0.0.11");

        var (listStatus, list) = await Imds.GetAsync(pod, Imds.Credentials);
        var (status, body) = await Imds.GetAsync(pod, Imds.Credentials + list);
        var lastSegment = await Imds.GetAsync(pod, Imds.Credentials + "app-writer");

        listStatus.Should().Be(HttpStatusCode.OK);
        list.Should().Be("team/app-writer");
        status.Should().Be(HttpStatusCode.OK);
        Imds.Json(body).GetProperty("Code").GetString().Should().Be("Success");
        lastSegment.Status.Should().Be(HttpStatusCode.NotFound, "app-writer alone means base + app-writer, another role");
        cluster.Aws.Calls.Of("sts", "AssumeRole").Should().OnlyContain(c =>
            c.RequestBody.Contains("RoleArn=" + Uri.EscapeDataString(cluster.RoleArn("team/app-writer")), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullArnOutsideTheBase_ListedAsTheFullArn_ServedUnderIt()
    {
        var arn = "arn:aws:iam::123456789012:role/platform/shared-reader";
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "reader-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = arn });
        await using var daemon = await Daemon.StartAsync(cluster, ["--base-role-arn", "arn:aws:iam::123456789012:role/team/"]);
        var pod = daemon.As("127.0.0.11");

        var (_, list) = await Imds.GetAsync(pod, Imds.Credentials);
        var (status, _) = await Imds.GetAsync(pod, Imds.Credentials + list);

        list.Should().Be(arn);
        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnotherAccountsRole_ListedAsTheFullArn_ItsArnSentToSts()
    {
        // The emulated STS trusts only its own account, so it refuses this AssumeRole as STS refuses an untrusting role.
        var arn = "arn:aws:iam::210987654321:role/partner";
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "partner-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = arn });
        await using var daemon = await Daemon.StartAsync(cluster);
        var pod = daemon.As("127.0.0.11");

        var (_, list) = await Imds.GetAsync(pod, Imds.Credentials);
        var (status, _) = await Imds.GetAsync(pod, Imds.Credentials + list);

        list.Should().Be(arn);
        status.Should().Be(HttpStatusCode.InternalServerError, "STS refused it");
        cluster.Aws.Calls.Of("sts", "AssumeRole").Should().Contain(c => c.RequestBody.Contains("RoleArn=" + Uri.EscapeDataString(arn), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProxyClient_AbsoluteFormRequest_Served()
    {
        // kube2iam README, "OpenShift 4": pods set http_proxy=${HOST_IP}:8181, so the SDK's request line is absolute-form.
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "operator-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "aws-service-operator" });
        await using var daemon = await Daemon.StartAsync(cluster);

        using var proxied = PodClient.ThroughProxy("127.0.0.11", daemon.Options.AppPort);

        var (listStatus, list) = await Imds.GetAsync(proxied, Imds.Credentials);
        var (status, body) = await Imds.GetAsync(proxied, Imds.Credentials + list);
        var (elsewhere, _) = await Imds.GetAsync(proxied, "http://example.com/latest/meta-data/instance-id");

        listStatus.Should().Be(HttpStatusCode.OK);
        list.Should().Be("aws-service-operator");
        status.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("\"Type\" : \"AWS-HMAC\"");
        elsewhere.Should().Be(HttpStatusCode.Forbidden, "only the metadata address is served to proxy clients");
    }
}
