using System.Text.Json.Nodes;
using AwsIntegrations.NodeGate.Gate;
using static AwsIntegrations.NodeGate.Tests.Objects;

namespace AwsIntegrations.NodeGate.Tests.Gate;

public class TaintPatchTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 3, 4, 5, TimeSpan.Zero);

    private static string Ops(JsonArray? patch) => patch!.ToJsonString();

    [Fact]
    public void Build_TaintAmongOthers_TestsItsKeyThenRemovesOnlyThatIndex()
    {
        var node = Node("n1", null, Taint("dedicated", "NoSchedule", "gpu"), Taint(StartupTaint), Taint("spot", "PreferNoSchedule"));
        node.Metadata.Annotations = new() { ["other"] = "kept" };

        Ops(TaintPatch.Build(node, StartupTaint, At)).Should().Be(
            """[{"op":"test","path":"/spec/taints/1/key","value":"aws-integrations.io/not-ready"},{"op":"remove","path":"/spec/taints/1"},{"op":"add","path":"/metadata/annotations/aws-integrations.io~1node-gate-released","value":"2026-11-22T03:04:05Z"}]""");
    }

    [Fact]
    public void Build_TaintTwiceWithDifferentEffects_RemovesBothFromTheEnd()
    {
        var node = Node("n1", null, Taint(StartupTaint), Taint("x"), Taint(StartupTaint, "NoExecute"));
        node.Metadata.Annotations = [];

        var ops = TaintPatch.Build(node, StartupTaint, At)!.Select(o => $"{o!["op"]} {o["path"]}").ToList();

        ops.Should().Equal("test /spec/taints/0/key", "test /spec/taints/2/key", "remove /spec/taints/2", "remove /spec/taints/0",
            "add /metadata/annotations/aws-integrations.io~1node-gate-released");
    }

    [Fact]
    public void Build_NodeWithoutAnnotations_GuardsTheNewMapWithTheResourceVersion()
    {
        var node = GatedNode("n1");
        node.Metadata.ResourceVersion = "42";

        var ops = TaintPatch.Build(node, StartupTaint, At)!;

        ops[2]!.ToJsonString().Should().Be("""{"op":"test","path":"/metadata/resourceVersion","value":"42"}""");
        ops[3]!["value"]![GateAnnotations.Released]!.GetValue<string>().Should().Be("2026-11-22T03:04:05Z");
    }

    [Fact]
    public void Build_AlreadyReleasedAndUntainted_NothingToWrite()
    {
        var node = Node("n1");
        node.Metadata.Annotations = new() { [GateAnnotations.Released] = "earlier" };

        TaintPatch.Build(node, StartupTaint, At).Should().BeNull();
    }

    [Fact]
    public void Build_ReleasedNodeTaintedAgain_RemovesWithoutRewritingTheReleaseTime()
    {
        var node = GatedNode("n1");
        node.Metadata.Annotations = new() { [GateAnnotations.Released] = "earlier" };

        Ops(TaintPatch.Build(node, StartupTaint, At)).Should().NotContain("annotations");
    }

    [Theory]
    [InlineData("a/b~c", "a~1b~0c")]
    [InlineData("plain", "plain")]
    public void Escape_PointerSegment_FollowsRfc6901(string segment, string escaped)
    {
        TaintPatch.Escape(segment).Should().Be(escaped);
    }
}
