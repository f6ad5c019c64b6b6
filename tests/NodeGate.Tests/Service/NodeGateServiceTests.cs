using AwsIntegrations.Kubernetes.Api;
using System.Net;
using k8s.Autorest;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;
using static AwsIntegrations.NodeGate.Tests.Objects;

namespace AwsIntegrations.NodeGate.Tests.Service;

public class NodeGateServiceTests : NodeGateCluster
{
    [Fact]
    public async Task NewNode_ReleasedWhenItsDaemonSetPodsTurnReady_AndNotBefore()
    {
        var proxy = await CreateDaemonSetAsync(DaemonSet("kube-proxy"));
        var kube2iam = await CreateDaemonSetAsync(DaemonSet("kube2iam"));
        await CreateDaemonSetAsync(DaemonSet("not-selected", labels: new() { ["team"] = "x" }));
        await StartServiceAsync("--daemonset-selector", "node-gate=required");

        await RegisterNodeAsync("ip-10-0-1-10", null, Taint("dedicated", "PreferNoSchedule", "infra"));
        await RunDaemonPodAsync(proxy, "ip-10-0-1-10", ready: true);
        var iamPod = await RunDaemonPodAsync(kube2iam, "ip-10-0-1-10", ready: false);

        await WaitForMetricAsync("nodegate_nodes_waiting 1");
        (await IsGatedAsync("ip-10-0-1-10")).Should().BeTrue("kube2iam's pod is not Ready yet");

        await SetReadyAsync(iamPod, ready: true);

        await WaitReleasedAsync("ip-10-0-1-10");
        var node = await NodeAsync("ip-10-0-1-10");
        node.Spec!.Taints!.Select(t => t.Key).Should().Equal("dedicated");
        ReleasedAnnotation(node).Should().NotBeNull();
        await WaitForMetricAsync("nodegate_nodes_waiting 0");
        (await MetricsAsync()).Should().Contain("nodegate_time_to_ready_seconds_count{release=\"ready\"} 1");
        await Eventually.HoldsAsync(() => EventsAbout("ip-10-0-1-10").Any(e => e["reason"]!.GetValue<string>() == "StartupTaintRemoved"), "a StartupTaintRemoved Event");
    }

    [Fact]
    public async Task DaemonSetTargetingOtherNodes_DoesNotBlockThisOne()
    {
        var proxy = await CreateDaemonSetAsync(DaemonSet("kube-proxy"));
        var gpu = await CreateDaemonSetAsync(DaemonSet("nvidia-device-plugin", template: s => s.NodeSelector = new Dictionary<string, string>() { ["nvidia.com/gpu"] = "true" }));
        await StartServiceAsync("--daemonset-selector", "node-gate=required");

        await RegisterNodeAsync("cpu-node");
        await RegisterNodeAsync("gpu-node", new() { ["nvidia.com/gpu"] = "true" });
        await RunDaemonPodAsync(proxy, "cpu-node", ready: true);
        await RunDaemonPodAsync(proxy, "gpu-node", ready: true);

        await WaitReleasedAsync("cpu-node");
        await WaitForMetricAsync("nodegate_nodes_waiting 1");
        (await IsGatedAsync("gpu-node")).Should().BeTrue("the GPU plugin would run there and is not Ready");

        await RunDaemonPodAsync(gpu, "gpu-node", ready: true);
        await WaitReleasedAsync("gpu-node");
    }

    [Fact]
    public async Task MaxWait_ReleasesAnywayWithAWarningEventNamingTheMissingDaemonSets()
    {
        var proxy = await CreateDaemonSetAsync(DaemonSet("kube-proxy"));
        await CreateDaemonSetAsync(DaemonSet("kube2iam"));
        await CreateDaemonSetAsync(DaemonSet("fluent-bit", "logging"));
        await StartServiceAsync("--daemonset-selector", "node-gate=required", "--max-wait", "3s");

        await RegisterNodeAsync("stuck");
        await RunDaemonPodAsync(proxy, "stuck", ready: true);

        await WaitReleasedAsync("stuck");
        await Eventually.HoldsAsync(() => EventsAbout("stuck").Any(e => e["reason"]!.GetValue<string>() == "StartupTaintForceRemoved"), "a StartupTaintForceRemoved Event");
        var warning = EventsAbout("stuck").Single(e => e["reason"]!.GetValue<string>() == "StartupTaintForceRemoved");
        warning["type"]!.GetValue<string>().Should().Be("Warning");
        warning["message"]!.GetValue<string>().Should().Contain("kube-system/kube2iam").And.Contain("logging/fluent-bit").And.NotContain("kube-proxy");
        (await MetricsAsync()).Should().Contain("nodegate_forced_releases_total 1");
    }

    [Fact]
    public async Task ReleasedNode_IsNeverTaintedOrGatedAgain()
    {
        var proxy = await CreateDaemonSetAsync(DaemonSet("kube-proxy"));
        await StartServiceAsync("--daemonset-selector", "node-gate=required");
        await RegisterNodeAsync("first");
        var pod = await RunDaemonPodAsync(proxy, "first", ready: true);
        await WaitReleasedAsync("first");
        var releasedAt = ReleasedAnnotation(await NodeAsync("first"));

        // The DaemonSet's pod fails and goes away; a later node proves the service has looked at the cluster since.
        await SetReadyAsync(pod, ready: false);
        await Client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name!, pod.Metadata.NamespaceProperty);
        await RegisterNodeAsync("second");
        await RunDaemonPodAsync(proxy, "second", ready: true);
        await WaitReleasedAsync("second");
        (await IsGatedAsync("first")).Should().BeFalse();

        // Someone puts the startup taint back on the released node: it is removed again without waiting for any pod.
        await Client.CoreV1.PatchNodeAsync(new V1Patch(
            """[{"op":"add","path":"/spec/taints/-","value":{"key":"aws-integrations.io/not-ready","effect":"NoSchedule"}}]""", V1Patch.PatchType.JsonPatch), "first");
        await WaitReleasedAsync("first");
        ReleasedAnnotation(await NodeAsync("first")).Should().Be(releasedAt);
    }

    [Fact]
    public async Task ConflictingNodePatches_AreRetried()
    {
        var proxy = await CreateDaemonSetAsync(DaemonSet("kube-proxy"));
        await StartServiceAsync("--daemonset-selector", "node-gate=required");
        Kube.Faults.Fail("patch", "nodes", 409, times: 3);

        await RegisterNodeAsync("busy");
        await RunDaemonPodAsync(proxy, "busy", ready: true);

        await WaitReleasedAsync("busy");
        Kube.Requests.Count(r => r == ("patch", "nodes")).Should().BeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task DaemonSetListedInConfigFile_BlocksLikeASelectedOne()
    {
        var logs = await CreateDaemonSetAsync(DaemonSet("fluent-bit", "logging", labels: new() { ["app"] = "fluent-bit" }));
        var config = WriteFile("node-gate.yaml", "daemonsets:\n  - namespace: logging\n    name: fluent-bit\n");
        await StartServiceAsync("--config-file", config);

        await RegisterNodeAsync("n1");
        var pod = await RunDaemonPodAsync(logs, "n1", ready: false);
        await WaitForMetricAsync("nodegate_nodes_waiting 1");
        (await IsGatedAsync("n1")).Should().BeTrue();

        await SetReadyAsync(pod, ready: true);
        await WaitReleasedAsync("n1");
    }

    [Fact]
    public async Task LeaderElection_TheSecondReplicaTakesOverWhenTheLeaderStops()
    {
        var proxy = await CreateDaemonSetAsync(DaemonSet("kube-proxy"));
        await StartServiceAsync("--daemonset-selector", "node-gate=required");
        await Eventually.HoldsAsync(() => LeaseHolder() == "node-gate-test-0", "the node-gate Lease held by the first pod");
        await using var standby = await LaunchAsync("node-gate-test-1", FreePort.Next(), "--daemonset-selector", "node-gate=required");

        await RegisterNodeAsync("before");
        await RunDaemonPodAsync(proxy, "before", ready: true);
        await WaitReleasedAsync("before");
        LeaseHolder().Should().Be("node-gate-test-0");

        Service.SendSignal(System.Runtime.InteropServices.PosixSignal.SIGTERM);
        (await Service.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, Service.Output);
        await Eventually.HoldsAsync(() => LeaseHolder() == "node-gate-test-1", "the standby holds the Lease\n" + standby.Output);

        await RegisterNodeAsync("after");
        await RunDaemonPodAsync(proxy, "after", ready: true);
        await Eventually.HoldsAsync(async () => !await IsGatedAsync("after"), "node after released by the new leader\n" + standby.Output);
    }
}
