using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Tests.Harness;

namespace AwsIntegrations.Kube2Iam.Tests.Service;

/// <summary>Credentials are fetched when a pod appears, so its requests never wait on STS.</summary>
public sealed class PrefetchTests
{
    private static Dictionary<string, string> Role(string role) => new() { ["iam.amazonaws.com/role"] = role };

    [Fact]
    public async Task NewPod_CredentialsFetchedBeforeItsFirstRequest_RequestsMakeNoStsCalls()
    {
        await using var cluster = await TestCluster.StartAsync();
        await using var daemon = await Daemon.StartAsync(cluster);

        cluster.AddPod("shop", "web-0", "127.0.0.11", Role("app-role"));
        await Eventually.HoldsAsync(() => cluster.AssumeRoleCalls == 1 && daemon.Cache.Count == 1, "the pod's role is assumed as soon as the pod appears");
        await Eventually.HoldsAsync(() => daemon.Cache.Peek(Key(cluster)) is { Succeeded: true }, "the credentials are cached");
        var pod = daemon.As("127.0.0.11");
        for (var i = 0; i < 100; i++)
        {
            (await Imds.GetAsync(pod, Imds.Credentials + "app-role")).Status.Should().Be(HttpStatusCode.OK);
        }

        cluster.AssumeRoleCalls.Should().Be(1, "no request of a known pod waits on STS");
        (await daemon.MetricsAsync()).Should().Contain("kube2iam_prefetch_hits_total 100").And.NotContain("kube2iam_prefetch_misses_total");
    }

    [Fact]
    public async Task PendingPodWithoutIp_PrefetchedAlready()
    {
        await using var cluster = await TestCluster.StartAsync();
        await using var daemon = await Daemon.StartAsync(cluster);

        cluster.AddPod("shop", "web-0", ip: null, Role("app-role"), phase: "Pending");

        await Eventually.HoldsAsync(() => cluster.AssumeRoleCalls == 1, "the role is assumed while the pod is still pending");
    }

    [Fact]
    public async Task SessionNameModeRole_PodsOfOneRoleShareOneSession_NamedAfterThePodThatFetchedIt()
    {
        // kube2iam iam/iam.go AssumeRole: one cache entry per role ARN; the session is named by sessionName(roleARN, remoteIP)
        // of the request that fetched it (FNV-1a of 127.0.0.11 is c8e24cfd, see Compatibility/SessionNameTests).
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", Role("app-role"));
        await using var daemon = await Daemon.StartAsync(cluster, ["--session-name-mode", "role"]);
        var a = await Imds.GetAsync(daemon.As("127.0.0.11"), Imds.Credentials + "app-role");

        cluster.AddPod("shop", "web-1", "127.0.0.12", Role("app-role"));
        await Eventually.HoldsAsync(async () => (await Imds.GetAsync(daemon.As("127.0.0.12"), Imds.Credentials)).Body == "app-role", "the second pod is known");
        var b = await Imds.GetAsync(daemon.As("127.0.0.12"), Imds.Credentials + "app-role");

        Imds.Json(a.Body).GetProperty("AccessKeyId").GetString().Should().Be(Imds.Json(b.Body).GetProperty("AccessKeyId").GetString());
        cluster.Aws.Calls.Of("sts", "AssumeRole").Should().ContainSingle().Which.RequestBody.Should().Contain("RoleSessionName=c8e24cfd-app-role");
    }

    [Fact]
    public async Task SessionNameModePod_EachPodItsOwnSession()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", Role("app-role"));
        cluster.AddPod("shop", "web-1", "127.0.0.12", Role("app-role"));
        await using var daemon = await Daemon.StartAsync(cluster);

        var a = await Imds.GetAsync(daemon.As("127.0.0.11"), Imds.Credentials + "app-role");
        var b = await Imds.GetAsync(daemon.As("127.0.0.12"), Imds.Credentials + "app-role");

        Imds.Json(a.Body).GetProperty("AccessKeyId").GetString().Should().NotBe(Imds.Json(b.Body).GetProperty("AccessKeyId").GetString());
        cluster.Aws.Calls.Of("sts", "AssumeRole").Select(c => c.RequestBody).Should()
            .Contain(body => body.Contains("RoleSessionName=shop.web-0", StringComparison.Ordinal))
            .And.Contain(body => body.Contains("RoleSessionName=shop.web-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RoleAnnotationChanged_NewRoleServedAtOnce()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", Role("app-role"));
        await using var daemon = await Daemon.StartAsync(cluster);
        var pod = daemon.As("127.0.0.11");
        (await Imds.GetAsync(pod, Imds.Credentials)).Body.Should().Be("app-role");

        cluster.AnnotatePod("shop", "web-0", "iam.amazonaws.com/role", "new-role");

        await Eventually.HoldsAsync(async () => (await Imds.GetAsync(pod, Imds.Credentials)).Body == "new-role", "the new role is listed");
        (await Imds.GetAsync(pod, Imds.Credentials + "app-role")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Imds.GetAsync(pod, Imds.Credentials + "new-role")).Status.Should().Be(HttpStatusCode.OK);
    }

    private static Kube2Iam.Credentials.CredentialKey Key(TestCluster cluster) => new(cluster.RoleArn("app-role"), null, "shop.web-0");
}
