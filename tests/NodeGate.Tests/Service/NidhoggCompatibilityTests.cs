using AwsIntegrations.Kubernetes.Api;
using System.Net;
using k8s.Autorest;
using System.Globalization;
using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;
using AwsIntegrations.NodeGate.Gate;
using AwsIntegrations.Testing;
using static AwsIntegrations.NodeGate.Tests.Objects;

namespace AwsIntegrations.NodeGate.Tests.Service;

/// <summary>
/// A cluster switching from nidhogg: its config file as it is, nodes that register with nidhogg's taints
/// (<c>--register-with-taints=nidhogg.uswitch.com/kube-system.kiam=:NoSchedule</c>), and NodeGate started in its place.
/// </summary>
public class NidhoggCompatibilityTests : NodeGateCluster
{
    private const string KiamTaint = "nidhogg.uswitch.com/kube-system.kiam";

    // uswitch/nidhogg config/manager/manager.yaml, the ConfigMap's config.json, verbatim.
    private const string UswitchConfig = """
         {
           "nodeSelector": [
             "node-role.kubernetes.io/node"
           ],
           "daemonsets": [
             {
               "name": "kiam",
               "namespace": "kube-system"
             }
           ]
         }
        """;

    private static readonly Dictionary<string, string> Worker = new() { ["node-role.kubernetes.io/node"] = "" };

    /// <summary>The kubelet's --register-with-taints; a taint key with a trailing ":PreferNoSchedule" gets that effect, else NoSchedule.</summary>
    private Task<V1Node> RegisterWithTaintsAsync(string name, Dictionary<string, string> labels, params string[] keys) =>
        Client.CoreV1.CreateNodeAsync(Node(name, labels, [.. keys.Select(k => k.Split(':') is [var key, var effect] ? Taint(key, effect) : Taint(k))]));

    private async Task<IReadOnlyList<string>> TaintsAsync(string node) => [.. ((await NodeAsync(node)).Spec?.Taints ?? []).Select(t => t.Key)];

    [Fact]
    public async Task NodeRegisteredWithNidhoggsTaints_LosesEachWhenItsDaemonSetIsReady_AndGetsNidhoggsAnnotation()
    {
        // uswitch/nidhogg README: taints `nidhogg.uswitch.com/namespace.name:NoSchedule` "until there is a ready kiam pod on the
        // node"; handler.go removes taints of DaemonSets no longer configured (PR #13) and, once none is left, annotates
        // `nidhogg.uswitch.com/first-time-ready: 2006-01-02T15:04:05Z` (PR #12).
        var kiam = await CreateDaemonSetAsync(DaemonSet("kiam", labels: new() { ["app"] = "kiam" }));
        await StartServiceAsync("--config-file", WriteFile("config.json", UswitchConfig));

        await RegisterWithTaintsAsync("ip-10-0-1-10", Worker, KiamTaint, "nidhogg.uswitch.com/kube-system.old-agent", "dedicated:PreferNoSchedule");
        var pod = await RunDaemonPodAsync(kiam, "ip-10-0-1-10", ready: false);

        await Eventually.HoldsAsync(async () => (await TaintsAsync("ip-10-0-1-10")).SequenceEqual([KiamTaint, "dedicated"]), "the stale taint goes at once\n" + Service.Output);
        await Eventually.HoldsAsync(() => EventsAbout("ip-10-0-1-10").Any(e => e["reason"]!.GetValue<string>() == "DaemonSetTaintRemoved"), "a DaemonSetTaintRemoved Event");
        await WaitForMetricAsync("nodegate_nodes_waiting 1");
        (await TaintsAsync("ip-10-0-1-10")).Should().Contain(KiamTaint, "kiam's pod is not Ready");

        await SetReadyAsync(pod, ready: true);

        await Eventually.HoldsAsync(async () => (await TaintsAsync("ip-10-0-1-10")).SequenceEqual(["dedicated"]), "kiam's taint goes\n" + Service.Output);
        var node = await NodeAsync("ip-10-0-1-10");
        var firstTimeReady = node.GetAnnotation(GateAnnotations.NidhoggFirstTimeReady);
        firstTimeReady.Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", "nidhogg writes time.Now().Format(\"2006-01-02T15:04:05Z\")");
        ReleasedAnnotation(node).Should().Be(firstTimeReady);
        node.GetAnnotation("nidhogg.uswitch.com/ready-since").Should().Be(firstTimeReady, "pelotech/nidhogg's name for it");
        await Eventually.HoldsAsync(() => EventsAbout("ip-10-0-1-10").Any(e => e["reason"]!.GetValue<string>() == "StartupTaintRemoved"), "a StartupTaintRemoved Event");
    }

    [Fact]
    public async Task NidhoggsDeploymentArgs_StartNodeGate_LeaderOnTheNamedLockAndMetricsOnItsAddress()
    {
        // uswitch/nidhogg config/manager/manager.yaml args verbatim (pelotech's chart passes the same four), plus
        // --metrics-addr from config/default/manager_auth_proxy_patch.yaml with a free port for 8080, and pelotech's
        // --disable-compression (cmd/manager/main.go), which has no meaning here.
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "nidhogg-system" } });
        var config = WriteFile("config.json", UswitchConfig);
        var port = FreePort.Next();
        await using var nidhoggArgs = ChildProcess.StartDotnet(ServiceAssembly,
        [
            "--kubeconfig", Kubeconfig, "--log-format", "text",
            $"--config-file={config}", "--leader-election", "--leader-namespace=nidhogg-system", "--leader-configmap=nidhogg-election",
            $"--metrics-addr=127.0.0.1:{port}", "--disable-compression",
        ], new Dictionary<string, string?> { ["POD_NAME"] = "nidhogg-0" });
        await nidhoggArgs.WaitUntilReadyAsync(port, TimeSpan.FromSeconds(30));

        await Eventually.HoldsAsync(
            () => Kube.Get("Lease", "nidhogg-system", "nidhogg-election")?["spec"]?["holderIdentity"]?.GetValue<string>() == "nidhogg-0",
            "the Lease named by --leader-configmap in --leader-namespace is held\n" + nidhoggArgs.Output);
        nidhoggArgs.StandardOutput.Count(l => l.Contains("nidhogg flags accepted but ignored: --disable-compression (", StringComparison.Ordinal))
            .Should().Be(1, nidhoggArgs.Output);
    }

    [Fact]
    public async Task NodeOutsideTheNodeSelector_IsNotHeldByTheListedDaemonSets()
    {
        // uswitch handler.go HandleNode: the config's DaemonSets apply only to nodes its nodeSelector matches.
        await CreateDaemonSetAsync(DaemonSet("kiam", labels: new() { ["app"] = "kiam" }));
        await StartServiceAsync("--config-file", WriteFile("config.json", UswitchConfig));

        await RegisterWithTaintsAsync("ip-10-0-9-9", new() { ["node-role.kubernetes.io/master"] = "" }, KiamTaint);
        await RegisterWithTaintsAsync("ip-10-0-1-11", Worker, KiamTaint);

        await Eventually.HoldsAsync(async () => (await TaintsAsync("ip-10-0-9-9")).Count == 0, "the master is not held by kiam\n" + Service.Output);
        await WaitForMetricAsync("nodegate_nodes_waiting 1");
        (await TaintsAsync("ip-10-0-1-11")).Should().Equal(KiamTaint);
    }

    [Fact]
    public async Task PelotechConfig_TaintRemovalDelay_KeepsTheTaintThatLongAfterThePodTurnedReady_AndUnusedKeysAreWarnedOnce()
    {
        // pelotech/nidhogg docs/README.md: "Whenever the pod becomes ready, a delay of 10s will be applied before removing the
        // taint"; charts/nidhogg/values.yaml sets taintEffect among its configuration. Here 3 s, a custom prefix, and a typo.
        var kiam = await CreateDaemonSetAsync(DaemonSet("kiam", labels: new() { ["app"] = "kiam" }));
        var config = WriteFile("config.yaml", """
            daemonsets:
              - name: kiam
                namespace: kube-system
            taintNamePrefix: "example.com"
            taintRemovalDelayInSeconds: 3
            taintEffect: "NoExecute"
            nodeSelectors: ["typo"]
            """);
        await StartServiceAsync("--config-file", config);

        await RegisterWithTaintsAsync("ip-10-0-1-12", Worker, "example.com/kube-system.kiam", KiamTaint + ":PreferNoSchedule");
        var pod = await RunDaemonPodAsync(kiam, "ip-10-0-1-12", ready: false);
        var readyAt = DateTimeOffset.UtcNow;
        var stamp = GateAnnotations.Stamp(readyAt);
        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch($$$"""
            {"status":{"conditions":[{"type":"Ready","status":"True","lastTransitionTime":"{{{stamp}}}"}]}}
            """, V1Patch.PatchType.MergePatch), pod.Metadata.Name!, pod.Metadata.NamespaceProperty);

        await Eventually.HoldsAsync(async () => !(await TaintsAsync("ip-10-0-1-12")).Contains("example.com/kube-system.kiam"), "the taint goes after the delay\n" + Service.Output);
        var released = DateTimeOffset.Parse(ReleasedAnnotation(await NodeAsync("ip-10-0-1-12"))!, CultureInfo.InvariantCulture);
        released.Should().BeOnOrAfter(DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture) + TimeSpan.FromSeconds(3));
        (await TaintsAsync("ip-10-0-1-12")).Should().Equal([KiamTaint], "with taintNamePrefix example.com, nidhogg.uswitch.com's taints are not this config's");
        (await NodeAsync("ip-10-0-1-12")).GetAnnotation("example.com/ready-since").Should().NotBeNull();

        await RegisterNodeAsync("later");
        await RunDaemonPodAsync(kiam, "later", ready: true);
        await WaitReleasedAsync("later");
        Service.StandardOutput.Count(l => l.Contains("'taintEffect' is not used", StringComparison.Ordinal)).Should().Be(1, Service.Output);
        Service.StandardOutput.Count(l => l.Contains("'nodeSelectors' is not a setting NodeGate knows", StringComparison.Ordinal)).Should().Be(1, Service.Output);
    }
}
