using k8s;
using k8s.Models;
using AwsIntegrations.NodeGate.Gate;
using AwsIntegrations.NodeGate.Options;
using AwsIntegrations.NodeGate.Scheduling;
using static AwsIntegrations.NodeGate.Tests.Objects;

namespace AwsIntegrations.NodeGate.Tests.Gate;

/// <summary>Nodes that register with nidhogg's taints, one per DaemonSet (uswitch/nidhogg pkg/nidhogg/handler.go calculateTaints).</summary>
public class NidhoggGatePlannerTests
{
    private const string KiamTaint = "nidhogg.uswitch.com/kube-system.kiam";
    private const string ProxyTaint = "nidhogg.uswitch.com/kube-system.kube-proxy";
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly V1DaemonSet Kiam = DaemonSet("kiam");
    private static readonly V1DaemonSet Proxy = DaemonSet("kube-proxy");

    private static GatePlanner Planner(TimeSpan? delay = null, string prefix = GateTaints.NidhoggDefaultPrefix) =>
        new(new GateTaints(StartupTaint, prefix), TimeSpan.FromMinutes(10), delay ?? TimeSpan.Zero);

    private static V1Node NidhoggNode(params string[] keys) => Node("n1", null, [.. keys.Select(k => Taint(k))]);

    private static GateDecision Decide(V1Node node, V1Pod[] pods, params V1DaemonSet[] required) =>
        Planner().Decide(node, required, pods, Created, Created + TimeSpan.FromSeconds(30));

    [Fact]
    public void Decide_OneDaemonSetReady_RemovesOnlyItsTaint()
    {
        // handler.go calculateTaints: `if pod != nil && podReady(pod) { continue }` drops that DaemonSet's taint; the others stay.
        var decision = Decide(NidhoggNode(KiamTaint, ProxyTaint), [DaemonPod(Kiam, "n1", ready: true), DaemonPod(Proxy, "n1", ready: false)], Kiam, Proxy);

        decision.Action.Should().Be(GateAction.Progress);
        decision.Remove.Should().Equal(KiamTaint);
        decision.Missing.Should().Equal("kube-system/kube-proxy");
        decision.Releases.Should().BeFalse();
    }

    [Fact]
    public void Decide_EveryNamedDaemonSetReady_ReleasesTheNode()
    {
        var decision = Decide(NidhoggNode(KiamTaint, ProxyTaint), [DaemonPod(Kiam, "n1", ready: true), DaemonPod(Proxy, "n1", ready: true)], Kiam, Proxy);

        decision.Action.Should().Be(GateAction.Release);
        decision.Remove.Should().Equal(KiamTaint, ProxyTaint);
    }

    [Fact]
    public void Decide_TaintOfADaemonSetNoLongerListed_GoesAtOnce()
    {
        // handler.go: "we could have some older taints from a different configuration file" (uswitch PR #13): every taint with
        // the prefix that no listed DaemonSet keeps is removed.
        var decision = Decide(NidhoggNode(KiamTaint, "nidhogg.uswitch.com/kube-system.old-agent", "nidhogg.uswitch.com/garbage"), [], Kiam);

        decision.Action.Should().Be(GateAction.Progress);
        decision.Remove.Should().Equal("nidhogg.uswitch.com/kube-system.old-agent", "nidhogg.uswitch.com/garbage");
    }

    [Fact]
    public void Decide_NoListedDaemonSetAppliesToTheNode_ReleasesItAtOnce()
    {
        // The reconciler passes no listed DaemonSet for a node outside the config's nodeSelector.
        Decide(NidhoggNode(KiamTaint), []).Action.Should().Be(GateAction.Release);
    }

    [Fact]
    public void Decide_OurTaintBesideNidhoggs_WaitsForEveryExpectedDaemonSet()
    {
        var node = Node("n1", null, Taint(StartupTaint), Taint(KiamTaint));

        var decision = Decide(node, [DaemonPod(Kiam, "n1", ready: true)], Kiam, Proxy);

        decision.Action.Should().Be(GateAction.Progress);
        decision.Remove.Should().Equal(KiamTaint);
        Decide(node, [DaemonPod(Kiam, "n1", ready: true), DaemonPod(Proxy, "n1", ready: true)], Kiam, Proxy).Remove.Should().Equal(StartupTaint, KiamTaint);
    }

    [Fact]
    public void Decide_DaemonSetThatDoesNotTolerateNidhoggsTaints_StillCountsAsRunningThere()
    {
        var untolerating = DaemonSet("kiam", template: s => s.Tolerations = []);

        Decide(NidhoggNode(KiamTaint, ProxyTaint), [], untolerating).Action.Should().Be(GateAction.Progress, "kiam would run once the startup taints are gone");
    }

    [Fact]
    public void Decide_CustomTaintNamePrefix_IsTheOneHandled()
    {
        // pelotech handler.go: taints are `<taintNamePrefix>/<namespace>.<name>`; other prefixes are not nidhogg's.
        var node = NidhoggNode("example.com/kube-system.kiam");
        var planner = Planner(prefix: "example.com");

        var decision = planner.Decide(node, [Kiam], [DaemonPod(Kiam, "n1", ready: false)], Created, Created + TimeSpan.FromSeconds(30));

        decision.Action.Should().Be(GateAction.Wait);
        planner.IsGated(NidhoggNode(KiamTaint)).Should().BeFalse();
        planner.Taints.DaemonSetOf("example.com/kube-system.kiam").Should().Be(new DaemonSetReference("kube-system", "kiam"));
        planner.Taints.DaemonSetOf("example.com/kube-system.my.dotted.agent").Should().Be(new DaemonSetReference("kube-system", "my.dotted.agent"));
    }

    [Fact]
    public void Decide_WithoutANidhoggConfig_NidhoggsTaintsAreNotOurs()
    {
        var planner = new GatePlanner(StartupTaint, TimeSpan.FromMinutes(10));

        planner.IsGated(NidhoggNode(KiamTaint)).Should().BeFalse();
        planner.Decide(NidhoggNode(KiamTaint), [Kiam], [], Created, Created).Should().Be(GateDecision.None);
    }

    [Fact]
    public void Decide_TaintRemovalDelay_CountsFromWhenThePodTurnedReady()
    {
        // pelotech docs/README.md: "Whenever the pod becomes ready, a delay of 10s will be applied before removing the taint."
        var planner = Planner(TimeSpan.FromSeconds(10));
        var pod = DaemonPod(Kiam, "n1", ready: true);
        pod.Status!.Conditions![0].LastTransitionTime = (Created + TimeSpan.FromSeconds(25)).UtcDateTime;

        var early = planner.Decide(NidhoggNode(KiamTaint), [Kiam], [pod], Created, Created + TimeSpan.FromSeconds(30));
        early.Action.Should().Be(GateAction.Wait);
        early.Deadline.Should().Be(Created + TimeSpan.FromSeconds(35), "the next look is when the pod has been Ready for 10 s");

        planner.Decide(NidhoggNode(KiamTaint), [Kiam], [pod], Created, Created + TimeSpan.FromSeconds(35)).Action.Should().Be(GateAction.Release);
    }

    [Fact]
    public void Decide_NodeNidhoggReleasedBefore_IsReleasedAgainAtOnce()
    {
        // uswitch handler.go writes first-time-ready once the node is free of its taints; such a node is never gated twice here.
        var node = NidhoggNode(KiamTaint);
        node.Metadata.Annotations = new Dictionary<string, string>() { [GateAnnotations.NidhoggFirstTimeReady] = "2026-11-20T10:00:00Z" };

        var decision = Decide(node, [], Kiam);

        decision.Action.Should().Be(GateAction.ReleaseAgain);
        decision.Remove.Should().Equal(KiamTaint);
    }

    [Fact]
    public void Decide_MaxWaitRunOut_RemovesEveryTaintThatHoldsTheNode()
    {
        var node = Node("n1", null, Taint(StartupTaint), Taint(KiamTaint), Taint("dedicated", "PreferNoSchedule"));

        var decision = Planner().Decide(node, [Kiam], [], Created, Created + TimeSpan.FromMinutes(10));

        decision.Action.Should().Be(GateAction.ForceRelease);
        decision.Remove.Should().Equal(StartupTaint, KiamTaint);
    }

    [Fact]
    public void On_ListedDaemonSetsApplyOnlyToNodesTheNodeSelectorMatches()
    {
        // uswitch handler.go HandleNode: `if !h.config.Selector.Matches(labels.Set(instance.Labels)) { return }`.
        var selected = DaemonSet("kube-proxy", labels: new() { ["node-gate"] = "required" });
        var listed = DaemonSet("kiam", labels: new() { ["team"] = "security" });
        var required = new RequiredDaemonSets(LabelSelector.Parse("node-gate=required"), [new DaemonSetReference("kube-system", "kiam")], LabelSelector.Parse("node-role.kubernetes.io/node"));
        var all = required.From([selected, listed]);

        required.On(Node("worker", new() { ["node-role.kubernetes.io/node"] = "" }), all).Should().Equal(listed, selected);
        required.On(Node("master", new() { ["node-role.kubernetes.io/master"] = "" }), all).Should().Equal(selected);
    }
}
