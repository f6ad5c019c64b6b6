using k8s;
using k8s.Models;
using AwsIntegrations.NodeGate.Scheduling;
using static AwsIntegrations.NodeGate.Tests.Objects;

namespace AwsIntegrations.NodeGate.Tests.Scheduling;

public class DaemonSetPlacementTests
{
    private static readonly Dictionary<string, string> LinuxZoneA = new()
    {
        ["kubernetes.io/os"] = "linux",
        ["topology.kubernetes.io/zone"] = "eu-west-1a",
        ["node.kubernetes.io/instance-type"] = "m5.large",
        ["gpu-count"] = "4",
    };

    private static bool Runs(V1DaemonSet ds, V1Node node) => DaemonSetPlacement.Check(ds, node, StartupTaint).Runs;

    [Fact]
    public void Check_PlainDaemonSet_RunsOnGatedNodeBecauseTheStartupTaintIsIgnored()
    {
        var check = DaemonSetPlacement.Check(DaemonSet("kube-proxy"), GatedNode("n1", LinuxZoneA), StartupTaint);

        check.Runs.Should().BeTrue();
        check.Reason.Should().BeNull();
    }

    [Fact]
    public void Check_NodeSelectorMatchingAllLabels_Runs()
    {
        Runs(DaemonSet("agent", template: s => s.NodeSelector = new Dictionary<string, string>() { ["kubernetes.io/os"] = "linux", ["topology.kubernetes.io/zone"] = "eu-west-1a" }), GatedNode("n1", LinuxZoneA))
            .Should().BeTrue();
    }

    [Fact]
    public void Check_NodeSelectorWithOneDifferentLabel_DoesNotRunAndSaysWhy()
    {
        var check = DaemonSetPlacement.Check(DaemonSet("win-agent", template: s => s.NodeSelector = new Dictionary<string, string>() { ["kubernetes.io/os"] = "windows" }), GatedNode("n1", LinuxZoneA), StartupTaint);

        check.Runs.Should().BeFalse();
        check.Reason.Should().Contain("nodeSelector");
    }

    [Fact]
    public void Check_NodeSelectorOnLabelTheNodeLacks_DoesNotRun()
    {
        Runs(DaemonSet("gpu", template: s => s.NodeSelector = new Dictionary<string, string>() { ["nvidia.com/gpu"] = "true" }), GatedNode("n1", LinuxZoneA)).Should().BeFalse();
    }

    [Theory]
    [InlineData("In", new[] { "eu-west-1a", "eu-west-1b" }, true)]
    [InlineData("In", new[] { "eu-west-1c" }, false)]
    [InlineData("NotIn", new[] { "eu-west-1c" }, true)]
    [InlineData("NotIn", new[] { "eu-west-1a" }, false)]
    [InlineData("Exists", new string[0], true)]
    [InlineData("DoesNotExist", new string[0], false)]
    public void Check_AffinityExpressionOnZoneLabel_MatchesAsTheScheduler(string op, string[] values, bool runs)
    {
        var ds = DaemonSet("agent", template: s => s.Affinity = RequiredAffinity(new V1NodeSelectorTerm { MatchExpressions = [Req("topology.kubernetes.io/zone", op, values)] }));

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().Be(runs);
    }

    [Theory]
    [InlineData("NotIn", true)]
    [InlineData("DoesNotExist", true)]
    [InlineData("In", false)]
    [InlineData("Exists", false)]
    [InlineData("Gt", false)]
    [InlineData("Lt", false)]
    public void Check_AffinityExpressionOnAbsentLabel_OnlyNegativeOperatorsMatch(string op, bool runs)
    {
        var ds = DaemonSet("agent", template: s => s.Affinity = RequiredAffinity(new V1NodeSelectorTerm { MatchExpressions = [Req("absent-label", op, "1")] }));

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().Be(runs);
    }

    [Theory]
    [InlineData("Gt", "3", true)]
    [InlineData("Gt", "4", false)]
    [InlineData("Lt", "5", true)]
    [InlineData("Lt", "4", false)]
    [InlineData("Gt", "three", false)]
    public void Check_GtLtCompareIntegers(string op, string bound, bool runs)
    {
        var ds = DaemonSet("gpu", template: s => s.Affinity = RequiredAffinity(new V1NodeSelectorTerm { MatchExpressions = [Req("gpu-count", op, bound)] }));

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().Be(runs);
    }

    [Fact]
    public void Check_GtOnNonIntegerLabel_DoesNotRun()
    {
        var ds = DaemonSet("x", template: s => s.Affinity = RequiredAffinity(new V1NodeSelectorTerm { MatchExpressions = [Req("kubernetes.io/os", "Gt", "1")] }));

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().BeFalse();
    }

    [Fact]
    public void Check_ExpressionsInOneTerm_AreAnded()
    {
        var ds = DaemonSet("agent", template: s => s.Affinity = RequiredAffinity(new V1NodeSelectorTerm
        {
            MatchExpressions = [Req("kubernetes.io/os", "In", "linux"), Req("node.kubernetes.io/instance-type", "In", "c5.xlarge")],
        }));

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().BeFalse();
    }

    [Fact]
    public void Check_Terms_AreOred()
    {
        var ds = DaemonSet("agent", template: s => s.Affinity = RequiredAffinity(
            new V1NodeSelectorTerm { MatchExpressions = [Req("kubernetes.io/os", "In", "windows")] },
            new V1NodeSelectorTerm { MatchExpressions = [Req("node.kubernetes.io/instance-type", "In", "m5.large")] }));

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().BeTrue();
    }

    [Fact]
    public void Check_EmptyTermOrNoTerms_MatchNoNode()
    {
        Runs(DaemonSet("a", template: s => s.Affinity = RequiredAffinity(new V1NodeSelectorTerm())), GatedNode("n1", LinuxZoneA)).Should().BeFalse();
        Runs(DaemonSet("b", template: s => s.Affinity = RequiredAffinity()), GatedNode("n1", LinuxZoneA)).Should().BeFalse();
    }

    [Fact]
    public void Check_NodeSelectorAndAffinity_MustBothMatch()
    {
        var ds = DaemonSet("agent", template: s =>
        {
            s.NodeSelector = new Dictionary<string, string>() { ["kubernetes.io/os"] = "windows" };
            s.Affinity = RequiredAffinity(new V1NodeSelectorTerm { MatchExpressions = [Req("kubernetes.io/os", "Exists")] });
        });

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().BeFalse();
    }

    [Theory]
    [InlineData("In", "n1", true)]
    [InlineData("In", "n2", false)]
    [InlineData("NotIn", "n2", true)]
    [InlineData("Exists", "", false)]
    public void Check_MatchFieldsOnNodeName(string op, string value, bool runs)
    {
        var ds = DaemonSet("pinned", template: s => s.Affinity = RequiredAffinity(new V1NodeSelectorTerm
        {
            MatchFields = [value.Length == 0 ? Req("metadata.name", op) : Req("metadata.name", op, value)],
        }));

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().Be(runs);
    }

    [Fact]
    public void Check_MatchFieldsOnAnotherField_MatchesNothing()
    {
        var ds = DaemonSet("x", template: s => s.Affinity = RequiredAffinity(new V1NodeSelectorTerm { MatchFields = [Req("spec.providerID", "In", "aws:///i-1")] }));

        Runs(ds, GatedNode("n1", LinuxZoneA)).Should().BeFalse();
    }

    [Fact]
    public void Check_TemplatePinnedToAnotherNode_DoesNotRun()
    {
        Runs(DaemonSet("x", template: s => s.NodeName = "n2"), GatedNode("n1", LinuxZoneA)).Should().BeFalse();
        Runs(DaemonSet("y", template: s => s.NodeName = "n1"), GatedNode("n1", LinuxZoneA)).Should().BeTrue();
    }

    [Theory]
    [InlineData("NoSchedule")]
    [InlineData("NoExecute")]
    public void Check_UntoleratedTaint_DoesNotRunAndNamesTheTaint(string effect)
    {
        var check = DaemonSetPlacement.Check(DaemonSet("agent"), GatedNode("n1", LinuxZoneA, Taint("dedicated", effect, "gpu")), StartupTaint);

        check.Runs.Should().BeFalse();
        check.Reason.Should().Contain($"dedicated=gpu:{effect}");
    }

    [Fact]
    public void Check_PreferNoScheduleTaint_NeverKeepsItOff()
    {
        Runs(DaemonSet("agent"), GatedNode("n1", LinuxZoneA, Taint("spot", "PreferNoSchedule"))).Should().BeTrue();
    }

    [Theory]
    [InlineData("dedicated", "Equal", "gpu", "NoSchedule", true)]
    [InlineData("dedicated", null, "gpu", "NoSchedule", true)]
    [InlineData("dedicated", "Equal", "cpu", "NoSchedule", false)]
    [InlineData("dedicated", "Exists", null, "NoSchedule", true)]
    [InlineData("dedicated", "Exists", null, null, true)]
    [InlineData("dedicated", "Exists", null, "NoExecute", false)]
    [InlineData(null, "Exists", null, null, true)]
    [InlineData(null, "Exists", null, "NoSchedule", true)]
    [InlineData(null, "Exists", null, "NoExecute", false)]
    [InlineData("other", "Exists", null, null, false)]
    [InlineData("dedicated", "Gt", "gpu", null, false)]
    public void Check_TolerationAgainstDedicatedTaint_FollowsToleratesTaint(string? key, string? op, string? value, string? effect, bool runs)
    {
        var ds = DaemonSet("agent", template: s => s.Tolerations = [new V1Toleration { Key = key, OperatorProperty = op, Value = value, Effect = effect }]);

        Runs(ds, GatedNode("n1", LinuxZoneA, Taint("dedicated", "NoSchedule", "gpu"))).Should().Be(runs);
    }

    [Fact]
    public void Check_OneTaintToleratedAnotherNot_DoesNotRun()
    {
        var ds = DaemonSet("agent", template: s => s.Tolerations = [new V1Toleration { Key = "dedicated", OperatorProperty = "Exists" }]);

        Runs(ds, GatedNode("n1", LinuxZoneA, Taint("dedicated", "NoSchedule", "gpu"), Taint("maintenance", "NoExecute"))).Should().BeFalse();
    }

    [Theory]
    [InlineData("node.kubernetes.io/not-ready", "NoExecute")]
    [InlineData("node.kubernetes.io/unreachable", "NoExecute")]
    [InlineData("node.kubernetes.io/not-ready", "NoSchedule")]
    [InlineData("node.kubernetes.io/unschedulable", "NoSchedule")]
    [InlineData("node.kubernetes.io/disk-pressure", "NoSchedule")]
    [InlineData("node.kubernetes.io/memory-pressure", "NoSchedule")]
    [InlineData("node.kubernetes.io/pid-pressure", "NoSchedule")]
    public void Check_TaintsTheDaemonSetControllerTolerates_DoNotKeepItOff(string key, string effect)
    {
        var expected = !(key == "node.kubernetes.io/not-ready" && effect == "NoSchedule");

        Runs(DaemonSet("agent"), GatedNode("n1", LinuxZoneA, Taint(key, effect))).Should().Be(expected);
    }

    [Fact]
    public void Check_NetworkUnavailable_OnlyHostNetworkDaemonSetsTolerate()
    {
        var node = GatedNode("n1", LinuxZoneA, Taint("node.kubernetes.io/network-unavailable", "NoSchedule"));

        Runs(DaemonSet("cni", template: s => s.HostNetwork = true), node).Should().BeTrue();
        Runs(DaemonSet("logs"), node).Should().BeFalse();
    }

    [Fact]
    public void Check_StartupTaintWithAnotherEffect_IsStillIgnored()
    {
        Runs(DaemonSet("agent"), Node("n1", LinuxZoneA, Taint(StartupTaint, "NoExecute"))).Should().BeTrue();
    }

    [Fact]
    public void Check_DaemonSetWithoutTemplate_DoesNotRun()
    {
        var ds = DaemonSet("broken");
        ds.Spec!.Template = null;

        DaemonSetPlacement.Check(ds, GatedNode("n1", LinuxZoneA), StartupTaint).Runs.Should().BeFalse();
    }
}
