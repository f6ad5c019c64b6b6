using k8s;
using k8s.Models;
using AwsIntegrations.NodeGate.Gate;
using static AwsIntegrations.NodeGate.Tests.Objects;

namespace AwsIntegrations.NodeGate.Tests.Gate;

public class GatePlannerTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly GatePlanner Planner = new(StartupTaint, TimeSpan.FromMinutes(10));
    private static readonly V1DaemonSet Proxy = DaemonSet("kube-proxy");
    private static readonly V1DaemonSet Kube2Iam = DaemonSet("kube2iam");
    private static readonly V1DaemonSet GpuPlugin = DaemonSet("nvidia-device-plugin", template: s => s.NodeSelector = new Dictionary<string, string>() { ["nvidia.com/gpu"] = "true" });

    private static GateDecision Decide(V1Node node, V1Pod[] pods, TimeSpan after, params V1DaemonSet[] required) =>
        Planner.Decide(node, required, pods, Created, Created + after);

    [Fact]
    public void Decide_NodeWithoutStartupTaint_NothingToDo()
    {
        Decide(Node("n1"), [], TimeSpan.Zero, Proxy).Should().Be(GateDecision.None);
    }

    [Fact]
    public void Decide_DaemonSetPodNotReadyYet_WaitsUntilCreationPlusMaxWait()
    {
        var decision = Decide(GatedNode("n1"), [DaemonPod(Proxy, "n1", ready: true), DaemonPod(Kube2Iam, "n1", ready: false)], TimeSpan.FromSeconds(30), Proxy, Kube2Iam);

        decision.Action.Should().Be(GateAction.Wait);
        decision.Missing.Should().Equal("kube-system/kube2iam");
        decision.Expected.Should().Be(2);
        decision.Deadline.Should().Be(Created + TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void Decide_EveryExpectedDaemonSetReadyOnTheNode_Releases()
    {
        var decision = Decide(GatedNode("n1"), [DaemonPod(Proxy, "n1", ready: true), DaemonPod(Kube2Iam, "n1", ready: true)], TimeSpan.FromSeconds(30), Proxy, Kube2Iam);

        decision.Action.Should().Be(GateAction.Release);
        decision.Expected.Should().Be(2);
    }

    [Fact]
    public void Decide_NoPodYet_Waits()
    {
        Decide(GatedNode("n1"), [], TimeSpan.FromSeconds(1), Proxy).Action.Should().Be(GateAction.Wait);
    }

    [Fact]
    public void Decide_DaemonSetAimedAtOtherNodes_DoesNotBlock()
    {
        var decision = Decide(GatedNode("n1"), [DaemonPod(Proxy, "n1", ready: true)], TimeSpan.FromSeconds(5), Proxy, GpuPlugin);

        decision.Action.Should().Be(GateAction.Release);
        decision.Expected.Should().Be(1);
    }

    [Fact]
    public void Decide_NoRequiredDaemonSetWouldRunThere_ReleasesAtOnce()
    {
        Decide(GatedNode("n1"), [], TimeSpan.Zero, GpuPlugin).Action.Should().Be(GateAction.Release);
    }

    [Fact]
    public void Decide_ReadyPodOfADaemonSetWithSameNameButOtherUid_DoesNotCount()
    {
        var recreated = DaemonSet("kube-proxy");
        recreated.Metadata.Uid = "uid-after-recreate";

        Decide(GatedNode("n1"), [DaemonPod(Proxy, "n1", ready: true)], TimeSpan.FromSeconds(5), recreated).Action.Should().Be(GateAction.Wait);
    }

    [Fact]
    public void Decide_ReadyPodBeingDeleted_DoesNotCount()
    {
        var pod = DaemonPod(Proxy, "n1", ready: true);
        pod.Metadata.DeletionTimestamp = Created.UtcDateTime;

        Decide(GatedNode("n1"), [pod], TimeSpan.FromSeconds(5), Proxy).Action.Should().Be(GateAction.Wait);
    }

    [Fact]
    public void Decide_ReadyPodCreatedBeforeTheNodeObject_IsALeftoverAndDoesNotCount()
    {
        var node = GatedNode("n1");
        node.Metadata.CreationTimestamp = Created.UtcDateTime;
        var stale = DaemonPod(Proxy, "n1", ready: true);
        stale.Metadata.CreationTimestamp = (Created - TimeSpan.FromMinutes(3)).UtcDateTime;
        var fresh = DaemonPod(Proxy, "n1", ready: true);
        fresh.Metadata.CreationTimestamp = Created.UtcDateTime;

        Decide(node, [stale], TimeSpan.FromSeconds(5), Proxy).Action.Should().Be(GateAction.Wait);
        Decide(node, [stale, fresh], TimeSpan.FromSeconds(5), Proxy).Action.Should().Be(GateAction.Release);
    }

    [Fact]
    public void Decide_MaxWaitRunOut_ForcesReleaseNamingTheMissing()
    {
        var decision = Decide(GatedNode("n1"), [DaemonPod(Proxy, "n1", ready: true)], TimeSpan.FromMinutes(10), Proxy, Kube2Iam, DaemonSet("fluent-bit", "logging"));

        decision.Action.Should().Be(GateAction.ForceRelease);
        decision.Missing.Should().Equal("kube-system/kube2iam", "logging/fluent-bit");
    }

    [Fact]
    public void Decide_NodeReleasedBeforeCarryingTheTaintAgain_ReleasesAgainWithoutWaiting()
    {
        var node = GatedNode("n1");
        node.Metadata.Annotations = new Dictionary<string, string>() { [GateAnnotations.Released] = "2026-11-22T03:01:00Z" };

        Decide(node, [], TimeSpan.Zero, Proxy).Action.Should().Be(GateAction.ReleaseAgain);
    }
}
