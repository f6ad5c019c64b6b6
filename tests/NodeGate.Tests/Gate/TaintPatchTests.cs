using System.Text.Json.Nodes;
using AwsIntegrations.NodeGate.Gate;
using static AwsIntegrations.NodeGate.Tests.Objects;

namespace AwsIntegrations.NodeGate.Tests.Gate;

public class TaintPatchTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 3, 4, 5, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Release = new() { [GateAnnotations.Released] = GateAnnotations.Stamp(At) };

    private static string Ops(JsonArray? patch) => patch!.ToJsonString();

    private static JsonArray? Build(k8s.Models.V1Node node) => TaintPatch.Build(node, [StartupTaint], Release);

    [Fact]
    public void Build_TaintAmongOthers_TestsItsKeyThenRemovesOnlyThatIndex()
    {
        var node = Node("n1", null, Taint("dedicated", "NoSchedule", "gpu"), Taint(StartupTaint), Taint("spot", "PreferNoSchedule"));
        node.Metadata.Annotations = new Dictionary<string, string>() { ["other"] = "kept" };

        Ops(Build(node)).Should().Be(
            """[{"op":"test","path":"/spec/taints/1/key","value":"aws-integrations.io/not-ready"},{"op":"remove","path":"/spec/taints/1"},{"op":"add","path":"/metadata/annotations/aws-integrations.io~1node-gate-released","value":"2026-11-22T03:04:05Z"}]""");
    }

    [Fact]
    public void Build_TaintTwiceWithDifferentEffects_RemovesBothFromTheEnd()
    {
        var node = Node("n1", null, Taint(StartupTaint), Taint("x"), Taint(StartupTaint, "NoExecute"));
        node.Metadata.Annotations = new Dictionary<string, string>();

        var ops = Build(node)!.Select(o => $"{o!["op"]} {o["path"]}").ToList();

        ops.Should().Equal("test /spec/taints/0/key", "test /spec/taints/2/key", "remove /spec/taints/2", "remove /spec/taints/0",
            "add /metadata/annotations/aws-integrations.io~1node-gate-released");
    }

    [Fact]
    public void Build_NodeWithoutAnnotations_GuardsTheNewMapWithTheResourceVersion()
    {
        var node = GatedNode("n1");
        node.Metadata.ResourceVersion = "42";

        var ops = Build(node)!;

        ops[2]!.ToJsonString().Should().Be("""{"op":"test","path":"/metadata/resourceVersion","value":"42"}""");
        ops[3]!["value"]![GateAnnotations.Released]!.GetValue<string>().Should().Be("2026-11-22T03:04:05Z");
    }

    [Fact]
    public void Build_AlreadyReleasedAndUntainted_NothingToWrite()
    {
        var node = Node("n1");
        node.Metadata.Annotations = new Dictionary<string, string>() { [GateAnnotations.Released] = "earlier" };

        Build(node).Should().BeNull();
    }

    [Fact]
    public void Build_ReleasedNodeTaintedAgain_RemovesWithoutRewritingTheReleaseTime()
    {
        var node = GatedNode("n1");
        node.Metadata.Annotations = new Dictionary<string, string>() { [GateAnnotations.Released] = "earlier" };

        Ops(Build(node)).Should().NotContain("annotations");
    }

    [Fact]
    public void Build_SomeOfNidhoggsTaints_RemovesOnlyThoseAndAnnotatesNothing()
    {
        var node = Node("n1", null, Taint("nidhogg.uswitch.com/kube-system.kiam"), Taint("dedicated"), Taint("nidhogg.uswitch.com/kube-system.kube-proxy"));
        node.Metadata.Annotations = new Dictionary<string, string>();

        var ops = TaintPatch.Build(node, ["nidhogg.uswitch.com/kube-system.kiam"], new Dictionary<string, string>())!.Select(o => $"{o!["op"]} {o["path"]} {o["value"]}").ToList();

        ops.Should().Equal("test /spec/taints/0/key nidhogg.uswitch.com/kube-system.kiam", "remove /spec/taints/0 ");
    }

    [Fact]
    public void Build_ReleaseWithNidhoggsAnnotations_AddsOnlyTheMissingOnes()
    {
        // uswitch/nidhogg handler.go HandleNode: first-time-ready is set only when the node does not carry it yet.
        var node = Node("n1", null, Taint(StartupTaint), Taint("nidhogg.uswitch.com/kube-system.kiam"));
        node.Metadata.Annotations = new Dictionary<string, string>() { [GateAnnotations.NidhoggFirstTimeReady] = "2020-01-01T00:00:00Z" };
        var annotations = new Dictionary<string, string>(Release)
        {
            [GateAnnotations.NidhoggFirstTimeReady] = "2026-11-22T03:04:05Z",
            [GateAnnotations.NidhoggReadySince("nidhogg.uswitch.com")] = "2026-11-22T03:04:05Z",
        };

        var ops = TaintPatch.Build(node, [StartupTaint, "nidhogg.uswitch.com/kube-system.kiam"], annotations)!.Select(o => $"{o!["op"]} {o["path"]}").ToList();

        ops.Should().Equal("test /spec/taints/0/key", "test /spec/taints/1/key", "remove /spec/taints/1", "remove /spec/taints/0",
            "add /metadata/annotations/aws-integrations.io~1node-gate-released", "add /metadata/annotations/nidhogg.uswitch.com~1ready-since");
    }

    [Fact]
    public void Stamp_IsNidhoggsFormat()
    {
        // nidhogg handler.go: time.Now().Format("2006-01-02T15:04:05Z").
        GateAnnotations.Stamp(new DateTimeOffset(2026, 11, 22, 5, 4, 5, 678, TimeSpan.FromHours(2))).Should().Be("2026-11-22T03:04:05Z");
    }

    [Theory]
    [InlineData("a/b~c", "a~1b~0c")]
    [InlineData("plain", "plain")]
    public void Escape_PointerSegment_FollowsRfc6901(string segment, string escaped)
    {
        TaintPatch.Escape(segment).Should().Be(escaped);
    }
}
