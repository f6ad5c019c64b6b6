using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Tests.Harness;

namespace AwsIntegrations.Kube2Iam.Tests.Service;

/// <summary>A pod asks the metadata address for credentials and gets its own role's, as EC2 would hand them out.</summary>
public sealed class CredentialServingTests
{
    private static readonly Dictionary<string, string> AppRole = new() { ["iam.amazonaws.com/role"] = "app-role" };

    [Fact]
    public async Task Credentials_AnnotatedPod_GetsItsRoleInEc2sDocumentLayout()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        var node = await NodeSecrets.ReadAsync(cluster.Aws);
        await using var daemon = await Daemon.StartAsync(cluster);
        var pod = daemon.As("127.0.0.11");

        var (listStatus, list) = await Imds.GetAsync(pod, Imds.Credentials);
        var (status, body) = await Imds.GetAsync(pod, Imds.Credentials + "app-role");

        listStatus.Should().Be(HttpStatusCode.OK);
        list.Should().Be("app-role");
        status.Should().Be(HttpStatusCode.OK);
        body.Should().MatchRegex(
            "^\\{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\",\n  \"Type\" : \"AWS-HMAC\",\n" +
            "  \"AccessKeyId\" : \"ASIA\\w+\",\n  \"SecretAccessKey\" : \"[^\"]+\",\n  \"Token\" : \"[^\"]+\",\n  \"Expiration\" : \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"\n\\}$");
        node.AbsentFrom(body).Should().BeTrue("the node's credentials are never served");
        var expiration = DateTimeOffset.Parse(Imds.Json(body).GetProperty("Expiration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        (expiration - DateTimeOffset.UtcNow).Should().BeGreaterThan(TimeSpan.FromMinutes(15));
        var assume = cluster.Aws.Calls.Of("sts", "AssumeRole").Should().ContainSingle().Subject;
        assume.RequestBody.Should().Contain("RoleArn=" + Uri.EscapeDataString(cluster.RoleArn("app-role")))
            .And.Contain("RoleSessionName=shop.web-0").And.Contain("DurationSeconds=1800");
    }

    [Fact]
    public async Task IamInfo_PodWithRole_DescribesAProfileNamedAfterItsRole()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        var node = await NodeSecrets.ReadAsync(cluster.Aws);
        await using var daemon = await Daemon.StartAsync(cluster);

        var (status, body) = await Imds.GetAsync(daemon.As("127.0.0.11"), "/latest/meta-data/iam/info");

        status.Should().Be(HttpStatusCode.OK);
        var info = Imds.Json(body);
        info.GetProperty("Code").GetString().Should().Be("Success");
        info.GetProperty("InstanceProfileArn").GetString().Should().Be($"arn:aws:iam::{cluster.Account}:instance-profile/app-role");
        info.GetProperty("InstanceProfileId").GetString().Should().StartWith("AIPA");
        node.AbsentFrom(body).Should().BeTrue();
    }

    [Fact]
    public async Task Credentials_FullArnAnnotationWithoutBaseArn_ListedAndServedUnderTheFullArn()
    {
        // kube2iam server/server.go securityCredentialsHandler: without a base ARN the listing is the full ARN, and
        // roleHandler serves it under that name.
        var arn = "arn:aws:iam::123456789012:role/team/api";
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = arn });
        await using var daemon = await Daemon.StartAsync(cluster, ["--base-role-arn", ""]);
        var pod = daemon.As("127.0.0.11");

        (await Imds.GetAsync(pod, Imds.Credentials)).Body.Should().Be(arn);
        (await Imds.GetAsync(pod, Imds.Credentials + arn)).Status.Should().Be(HttpStatusCode.OK);
        (await Imds.GetAsync(pod, Imds.Credentials + "api")).Status.Should().Be(HttpStatusCode.NotFound, "the last segment alone names no role without a base ARN");
    }

    [Fact]
    public async Task Credentials_ExternalIdAnnotation_IsSentToSts()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.Aws.State.Roles["partner"] = "shared-secret-id";
        cluster.AddPod("shop", "web-0", "127.0.0.11", new Dictionary<string, string>
        {
            ["iam.amazonaws.com/role"] = "partner",
            ["iam.amazonaws.com/external-id"] = "shared-secret-id",
        });
        await using var daemon = await Daemon.StartAsync(cluster);

        var (status, _) = await Imds.GetAsync(daemon.As("127.0.0.11"), Imds.Credentials + "partner");

        status.Should().Be(HttpStatusCode.OK);
        cluster.Aws.Calls.Of("sts", "AssumeRole").Should().Contain(c => c.RequestBody.Contains("ExternalId=shared-secret-id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Credentials_UnannotatedPodWithDefaultRole_GetsTheDefaultRole()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11");
        await using var daemon = await Daemon.StartAsync(cluster, ["--default-role", "fallback"]);

        var pod = daemon.As("127.0.0.11");
        (await Imds.GetAsync(pod, Imds.Credentials)).Body.Should().Be("fallback");
        (await Imds.GetAsync(pod, Imds.Credentials + "fallback")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Credentials_NamespaceAllowsRoleByGlob_Served()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddNamespace("shop", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = """["shop-*"]""" });
        cluster.AddPod("shop", "web-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "shop-web" });
        await using var daemon = await Daemon.StartAsync(cluster, ["--namespace-restrictions"]);

        (await Imds.GetAsync(daemon.As("127.0.0.11"), Imds.Credentials + "shop-web")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Credentials_NamespaceAllowsRoleByRegexp_Served()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddNamespace("shop", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = """["arn:aws:iam::\\d+:role/shop-(web|api)"]""" });
        cluster.AddPod("shop", "web-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "shop-api" });
        await using var daemon = await Daemon.StartAsync(cluster, ["--namespace-restrictions", "--namespace-restriction-format", "regexp"]);

        (await Imds.GetAsync(daemon.As("127.0.0.11"), Imds.Credentials + "shop-api")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Credentials_RequestBeforeThePodIsKnown_WaitsAndIsServed()
    {
        await using var cluster = await TestCluster.StartAsync();
        await using var daemon = await Daemon.StartAsync(cluster, ["--backoff-max-elapsed-time", "10s"]);
        var pod = daemon.As("127.0.0.12");

        var request = Imds.GetAsync(pod, Imds.Credentials + "app-role");
        await Task.Delay(150);
        cluster.AddPod("shop", "late-0", "127.0.0.12", AppRole);

        (await request).Status.Should().Be(HttpStatusCode.OK);
        (await daemon.MetricsAsync()).Should().Contain("kube2iam_pod_lookup_waits_total{outcome=\"found\"} 1");
    }

    [Fact]
    public async Task ProxiedPath_InstanceId_ComesFromTheRealMetadataService()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        await using var daemon = await Daemon.StartAsync(cluster);
        using var upstream = new HttpClient { BaseAddress = cluster.Aws.BaseUrl };
        var expected = await upstream.GetStringAsync("/latest/meta-data/instance-id");

        var (status, body) = await Imds.GetAsync(daemon.As("127.0.0.11"), "/latest/meta-data/instance-id");

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Be(expected);
    }

    [Fact]
    public async Task ProxiedPath_UpstreamRequiresImdsV2_StillAnswered()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.Aws.State.Imds.HttpTokens = "required";
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        await using var daemon = await Daemon.StartAsync(cluster);

        var (status, body) = await Imds.GetAsync(daemon.As("127.0.0.11"), "/latest/meta-data/placement/region");

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Be(cluster.Aws.State.Region);
    }

    [Fact]
    public async Task BlockRouteRegexp_MatchingPath_Answers403()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        await using var daemon = await Daemon.StartAsync(cluster, ["--block-route-regexp", "^/latest/meta-data/local-ipv4$"]);
        var pod = daemon.As("127.0.0.11");

        (await Imds.GetAsync(pod, "/latest/meta-data/local-ipv4")).Status.Should().Be(HttpStatusCode.Forbidden);
        (await Imds.GetAsync(pod, "/latest/meta-data/instance-id")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AllowRouteRegexp_OtherPaths_Answer404_CredentialsStillServed()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        await using var daemon = await Daemon.StartAsync(cluster, ["--allow-route-regexp", "^/latest/meta-data/placement/.*"]);
        var pod = daemon.As("127.0.0.11");

        (await Imds.GetAsync(pod, "/latest/meta-data/placement/region")).Status.Should().Be(HttpStatusCode.OK);
        (await Imds.GetAsync(pod, "/latest/meta-data/instance-id")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Imds.GetAsync(pod, Imds.Credentials + "app-role")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AllowUserData_Flag_ProxiesUserData()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        await using var daemon = await Daemon.StartAsync(cluster, ["--allow-user-data"]);

        (await Imds.GetAsync(daemon.As("127.0.0.11"), "/latest/user-data")).Status.Should().NotBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RequireImdsV2_TokenRequests_Served()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        await using var daemon = await Daemon.StartAsync(cluster, ["--require-imdsv2"]);
        var pod = daemon.As("127.0.0.11");

        var token = await Imds.TokenAsync(pod, 60);

        (await Imds.GetAsync(pod, Imds.Credentials + "app-role", token)).Status.Should().Be(HttpStatusCode.OK);
        (await Imds.GetAsync(pod, Imds.Credentials + "app-role")).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21601")]
    [InlineData("ten")]
    [InlineData("")]
    public async Task TokenPut_BadTtl_Answers400(string ttl)
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        await using var daemon = await Daemon.StartAsync(cluster);

        var (status, _) = await RawHttp.SendAsync("127.0.0.11", daemon.Options.AppPort, "PUT", "/latest/api/token", $"X-aws-ec2-metadata-token-ttl-seconds: {ttl}\r\n");

        status.Should().Be(400);
    }

    [Fact]
    public async Task Metrics_AfterRequests_CountRequestsStsCallsCacheAndLatency()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", AppRole);
        await using var daemon = await Daemon.StartAsync(cluster);
        var pod = daemon.As("127.0.0.11");
        await Eventually.HoldsAsync(() => daemon.Cache.Peek(new(cluster.RoleArn("app-role"), null, "shop.web-0")) is { Succeeded: true }, "the pod's credentials are prefetched");
        await Imds.GetAsync(pod, Imds.Credentials + "app-role");
        await Imds.GetAsync(daemon.As("127.0.0.99"), Imds.Credentials);

        var metrics = await daemon.MetricsAsync();

        metrics.Should().Contain("kube2iam_requests_total{kind=\"credentials\",result=\"success\"} 1")
            .And.Contain("kube2iam_requests_total{kind=\"credentials\",result=\"unknown_pod\"} 1")
            .And.Contain("kube2iam_sts_calls_total{result=\"success\"} 1")
            .And.Contain("kube2iam_credential_cache_entries 1")
            .And.Contain("kube2iam_prefetch_hits_total 1\n")
            .And.Contain("kube2iam_request_duration_seconds_bucket");
    }
}
