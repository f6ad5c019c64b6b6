using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Patching;

namespace AwsIntegrations.Kubernetes.Tests.Emulator;

public sealed class StrategicMergePatchTests
{
    private static readonly JsonObject Pod = JsonNode.Parse("""
        {"metadata":{"finalizers":["a","b","c"],"labels":{"x":"1"}},
         "spec":{"containers":[{"name":"app","image":"v1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"sidecar","image":"s1"}],
                 "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}
        """)!.AsObject();

    [Fact]
    public void Apply_ListWithMergeKey_MergesElementsByName()
    {
        var patched = Apply("""{"spec":{"containers":[{"name":"app","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}""");

        patched["spec"]!["containers"]!.AsArray().Should().HaveCount(2);
        var env = patched["spec"]!["containers"]![0]!["env"]!.AsArray();
        env.Select(e => $"{e!["name"]}={e["value"]}").Should().Equal("A=1", "B=3", "C=4");
        ((string?)patched["spec"]!["containers"]![0]!["image"]).Should().Be("v1");
    }

    [Fact]
    public void Apply_PatchDeleteDirective_RemovesTheListElement()
    {
        var patched = Apply("""{"spec":{"$setElementOrder/containers":[{"name":"app"}],"containers":[{"$patch":"delete","name":"sidecar"}]}}""");

        patched["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"]).Should().Equal("app");
    }

    [Fact]
    public void Apply_RetainKeys_DropsFieldsNotListed()
    {
        var patched = Apply("""{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");

        patched["spec"]!["strategy"]!.AsObject().Select(p => p.Key).Should().Equal("type");
        ((string?)patched["spec"]!["strategy"]!["type"]).Should().Be("Recreate");
    }

    [Fact]
    public void Apply_DeleteFromPrimitiveList_RemovesThoseValues()
    {
        var patched = Apply("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"]}}""");

        patched["metadata"]!["finalizers"]!.AsArray().Select(f => (string?)f).Should().Equal("a", "c");
    }

    [Fact]
    public void Apply_NullValue_RemovesTheField_AndReplaceDirectiveReplacesTheMap()
    {
        var patched = Apply("""{"metadata":{"labels":{"$patch":"replace","y":"2"}},"spec":{"strategy":null}}""");

        patched["metadata"]!["labels"]!.AsObject().Select(p => p.Key).Should().Equal("y");
        patched["spec"]!.AsObject().ContainsKey("strategy").Should().BeFalse();
    }

    private static JsonObject Apply(string patch) => StrategicMergePatch.Apply(Pod.DeepClone(), JsonNode.Parse(patch))!.AsObject();
}
