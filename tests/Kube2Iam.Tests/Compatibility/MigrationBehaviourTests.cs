using System.Net;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;
using AwsIntegrations.Kube2Iam.Pods;
using AwsIntegrations.Kube2Iam.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace AwsIntegrations.Kube2Iam.Tests.Compatibility;

/// <summary>kube2iam's flags that a migrating DaemonSet carries, each doing here what it does in kube2iam (or the safe part of it).</summary>
public sealed class MigrationBehaviourTests
{
    private static Dictionary<string, string> Role(string role) => new() { ["iam.amazonaws.com/role"] = role };

    [Fact]
    public async Task SessionNameModeRole_SessionNamedAsKube2IamNamesIt_PerCaller()
    {
        // kube2iam iam/iam.go AssumeRole: RoleSessionName: sessionName(roleARN, remoteIP); FNV-1a values computed independently
        // (SessionNameTests). Two roles fetched by two pods: each session carries its own pod's IP hash.
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", Role("app-role"));
        cluster.AddPod("shop", "writer-0", "127.0.0.12", Role("team/app-writer"));
        await using var daemon = await Daemon.StartAsync(cluster, ["--session-name-mode", "role"]);

        (await Imds.GetAsync(daemon.As("127.0.0.11"), Imds.Credentials + "app-role")).Status.Should().Be(HttpStatusCode.OK);
        (await Imds.GetAsync(daemon.As("127.0.0.12"), Imds.Credentials + "team/app-writer")).Status.Should().Be(HttpStatusCode.OK);

        var sessions = cluster.Aws.Calls.Of("sts", "AssumeRole").Select(c => c.RequestBody).ToList();
        sessions.Should().HaveCount(2);
        sessions.Should().Contain(b => b.Contains("RoleSessionName=c8e24cfd-app-role", StringComparison.Ordinal));
        sessions.Should().Contain(b => b.Contains("RoleSessionName=c5e24844-app-writer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AutoDiscoverDefaultRole_UnannotatedPodAssumesTheNodesRole_NodeCredentialsNeverRead()
    {
        // kube2iam cmd/main.go: --auto-discover-default-role sets the base ARN from iam/info and the default role to the name
        // iam/security-credentials/ lists; the pod then gets that role through STS AssumeRole like any other.
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "plain-0", "127.0.0.11");
        var node = await NodeSecrets.ReadAsync(cluster.Aws);
        var nodeRole = cluster.Aws.State.Imds.RoleName;
        var readsBefore = cluster.Aws.Calls.Of("imds").Count();
        await using var daemon = await Daemon.StartAsync(cluster, ["--auto-discover-default-role"]);
        var pod = daemon.As("127.0.0.11");

        var (_, list) = await Imds.GetAsync(pod, Imds.Credentials);
        var (status, body) = await Imds.GetAsync(pod, Imds.Credentials + list);

        list.Should().Be(nodeRole);
        status.Should().Be(HttpStatusCode.OK);
        node.AbsentFrom(body).Should().BeTrue("the node role is assumed through STS, its own credentials are never served");
        cluster.Aws.Calls.Of("sts", "AssumeRole").Should().Contain(c => c.RequestBody.Contains("RoleArn=" + Uri.EscapeDataString(cluster.RoleArn(nodeRole)), StringComparison.Ordinal));
        cluster.Aws.Calls.Of("imds").Skip(readsBefore).Should().NotContain(c => c.Path.EndsWith("/security-credentials/" + nodeRole, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExemptDefaultRole_DefaultRolePassesNamespaceRestrictions_OtherRolesStillChecked()
    {
        // kube2iam mappings/mapper.go checkRoleForNamespace: `if !r.namespaceRestriction || roleArn == r.defaultRoleARN { return true }`.
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddNamespace("shop", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = """["shop-*"]""" });
        cluster.AddPod("shop", "plain-0", "127.0.0.11");
        cluster.AddPod("shop", "named-0", "127.0.0.12", Role("fallback"));
        cluster.AddPod("shop", "greedy-0", "127.0.0.13", Role("admin"));
        string[] flags = ["--namespace-restrictions", "--default-role", "fallback"];

        await using (var strict = await Daemon.StartAsync(cluster, flags))
        {
            (await Imds.GetAsync(strict.As("127.0.0.11"), Imds.Credentials + "fallback")).Status.Should().Be(HttpStatusCode.Forbidden, "ours checks the default role too");
        }

        await using var daemon = await Daemon.StartAsync(cluster, [.. flags, "--namespace-restrictions-exempt-default-role"]);

        (await Imds.GetAsync(daemon.As("127.0.0.11"), Imds.Credentials + "fallback")).Status.Should().Be(HttpStatusCode.OK);
        (await Imds.GetAsync(daemon.As("127.0.0.12"), Imds.Credentials + "fallback")).Status.Should().Be(HttpStatusCode.OK, "kube2iam compares ARNs: naming the default role is exempt too");
        (await Imds.GetAsync(daemon.As("127.0.0.13"), Imds.Credentials + "admin")).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ResolveDuplicateCacheIps_StaleCacheResolvedByTheApiServer_TwoLivePodsStillRefused()
    {
        // kube2iam k8s/k8s.go PodByIP: with --resolve-duplicate-cache-ips, more than one cached pod for an IP makes it list
        // pods with fieldSelector status.podIP=<ip> from the API server (resolveDuplicatedIP).
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("victims", "old-0", "127.0.0.40", Role("victim-role"));
        await using var daemon = await Daemon.StartAsync(cluster, ["--resolve-duplicate-cache-ips", "--backoff-max-elapsed-time", "200ms"]);
        var directory = daemon.Services.GetRequiredService<PodDirectory>();
        var sameIp = daemon.As("127.0.0.40");
        cluster.AddPod("attack", "new-0", "127.0.0.40", Role("attacker-role"));
        await Eventually.HoldsAsync(() => directory.ByIp().TryGetValue("127.0.0.40", out var holder) && holder is null, "the cache holds both pods for the IP");

        var bothLive = await Imds.GetAsync(sameIp, Imds.Credentials);

        // The old pod finishes while the daemon's watch is down: its cache still has both.
        cluster.Kube.Faults.Fail("watch", "pods", 503);
        cluster.Kube.DropWatches();
        cluster.SetPodStatus("victims", "old-0", "Succeeded", "127.0.0.40");
        var resolved = await Imds.GetAsync(sameIp, Imds.Credentials);
        var credentials = await Imds.GetAsync(sameIp, Imds.Credentials + "attacker-role");

        bothLive.Status.Should().Be(HttpStatusCode.NotFound, "two pods really hold the IP: kube2iam would pick one, ours refuses");
        resolved.Body.Should().Be("attacker-role");
        credentials.Status.Should().Be(HttpStatusCode.OK);
        directory.ByIp()["127.0.0.40"].Should().BeNull("the cache is still stale: the API server decided");
        var metrics = await daemon.MetricsAsync();
        metrics.Should().Contain("kube2iam_duplicate_ip_lookups_total{outcome=\"unresolved\"}").And.Contain("kube2iam_duplicate_ip_lookups_total{outcome=\"resolved\"}");
        cluster.Kube.Faults.Clear();
    }

    [Fact]
    public async Task ApiServerAndToken_InsecureTls_ReachTheApiServerWithThatToken()
    {
        // kube2iam k8s/k8s.go NewClient: rest.Config{Host: --api-server, BearerToken: --api-token, TLSClientConfig{Insecure: --insecure}}.
        await using var cluster = await TestCluster.StartAsync(kubernetes: new KubernetesEmulatorOptions { Tls = true, RequiredToken = "s3cret" });
        cluster.AddPod("shop", "web-0", "127.0.0.11", Role("app-role"));

        await using var daemon = await Daemon.StartAsync(cluster,
            ["--kubeconfig=", "--api-server=" + cluster.Kube.BaseAddress.ToString().TrimEnd('/'), "--api-token=s3cret", "--insecure"]);

        (await Imds.GetAsync(daemon.As("127.0.0.11"), Imds.Credentials + "app-role")).Status.Should().Be(HttpStatusCode.OK);
        cluster.Kube.Authorizations.Should().Contain("Bearer s3cret");
    }

    [Fact]
    public async Task CacheResyncPeriod_ReannouncesPods_SoAFailedRoleIsTriedAgainWithoutARequest()
    {
        // kube2iam server/server.go Run: WatchForPods(..., s.CacheResyncPeriod): client-go re-delivers every cached pod each period.
        await using var cluster = await TestCluster.StartAsync();
        cluster.Aws.State.Roles["app-role"] = null;
        cluster.AddPod("shop", "web-0", "127.0.0.11", Role("not-trusted"));
        await using var daemon = await Daemon.StartAsync(cluster, ["--cache-resync-period", "1s", "--iam-role-error-ttl", "0s"]);

        await Eventually.HoldsAsync(() => cluster.Aws.Calls.Of("sts", "AssumeRole").Count(c => !c.Succeeded) >= 4,
            "each resync prefetches the refused role again (the refresher alone would try once per 30 s)", TimeSpan.FromSeconds(25));
    }

    [Fact]
    public async Task Healthz_OnTheAppPort_WhenMetricsHaveTheirOwnPort()
    {
        // kube2iam's chart templates/daemonset.yaml probes /healthz on host.port even when prometheus.metricsPort is set;
        // kube2iam's server.go registers /healthz on the app router. /metrics stays off the app port, as in kube2iam.
        await using var cluster = await TestCluster.StartAsync();
        await using var daemon = await Daemon.StartAsync(cluster);
        using var kubelet = PodClient.From("127.0.0.1", daemon.Options.AppPort);

        var healthz = await kubelet.GetAsync("/healthz");
        var metrics = await kubelet.GetAsync("/metrics");

        daemon.Options.MetricsPort.Should().NotBe(daemon.Options.AppPort);
        healthz.StatusCode.Should().Be(HttpStatusCode.OK);
        metrics.StatusCode.Should().NotBe(HttpStatusCode.OK);
    }
}
