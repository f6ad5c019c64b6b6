using AwsIntegrations.Kubernetes.Api;
using System.Net;
using k8s.Autorest;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;
using AwsIntegrations.NodeGate.Gate;
using static AwsIntegrations.NodeGate.Tests.Objects;

namespace AwsIntegrations.NodeGate.Tests.Service;

/// <summary>The taint removal against the emulator with a node read before someone else changed it.</summary>
public class TaintRemoverTests : NodeGateCluster
{
    [Fact]
    public async Task RemoveAsync_TaintListChangedSinceRead_RereadsAndKeepsTheOtherWritersTaint()
    {
        var stale = await RegisterNodeAsync("n1");
        await Client.CoreV1.PatchNodeAsync(
            new V1Patch("""[{"op":"add","path":"/spec/taints/0","value":{"key":"cilium.io/agent-not-ready","effect":"NoSchedule"}}]""", V1Patch.PatchType.JsonPatch), "n1");
        var remover = new TaintRemover(Client, StartupTaint, TimeProvider.System);

        var written = await remover.RemoveAsync(stale, CancellationToken.None);

        written!.Spec!.Taints!.Select(t => t.Key).Should().Equal("cilium.io/agent-not-ready");
        remover.Conflicts.Should().Be(1);
        ReleasedAnnotation(await NodeAsync("n1")).Should().NotBeNull();
    }

    [Fact]
    public async Task RemoveAsync_AnnotationsAddedSinceRead_KeepsThem()
    {
        var stale = await RegisterNodeAsync("n1");
        await Client.CoreV1.PatchNodeAsync(new V1Patch("""{"metadata":{"annotations":{"karpenter.sh/initialized":"true"}}}""", V1Patch.PatchType.MergePatch), "n1");
        var remover = new TaintRemover(Client, StartupTaint, TimeProvider.System);

        await remover.RemoveAsync(stale, CancellationToken.None);

        var node = await NodeAsync("n1");
        node.GetAnnotation("karpenter.sh/initialized").Should().Be("true");
        ReleasedAnnotation(node).Should().NotBeNull();
        (node.Spec!.Taints ?? []).Should().BeEmpty();
    }

    [Fact]
    public async Task RemoveAsync_NodeWithFieldsTheModelsDoNotKnow_KeepsThem()
    {
        // A newer API server's fields are lost by a read-modify-write through KubernetesClient's models; the JSON patch keeps them.
        await RegisterNodeAsync("n1");
        var definition = Kube.Store.Definition("Node");
        Kube.Store.Update(definition, null, "n1", o =>
        {
            o["spec"]!["futureSpecField"] = "kept";
            o["futureTopLevel"] = new System.Text.Json.Nodes.JsonObject { ["x"] = 1 };
            return o;
        }, status: false);
        Kube.Store.Update(definition, null, "n1", o =>
        {
            o["status"] = new System.Text.Json.Nodes.JsonObject { ["futureStatusField"] = "kept" };
            return o;
        }, status: true);
        var remover = new TaintRemover(Client, StartupTaint, TimeProvider.System);

        await remover.RemoveAsync(await NodeAsync("n1"), CancellationToken.None);

        var stored = Kube.Get("Node", null, "n1")!;
        (stored["spec"]!["taints"]?.AsArray() ?? []).Should().BeEmpty();
        stored["metadata"]!["annotations"]![GateAnnotations.Released].Should().NotBeNull();
        stored["spec"]!["futureSpecField"]!.GetValue<string>().Should().Be("kept");
        stored["futureTopLevel"]!["x"]!.GetValue<int>().Should().Be(1);
        stored["status"]!["futureStatusField"]!.GetValue<string>().Should().Be("kept");
    }

    [Fact]
    public async Task RemoveAsync_ServerAnswersConflictEveryTime_GivesUpAfterMaxAttempts()
    {
        var node = await RegisterNodeAsync("n1");
        Kube.Faults.Fail("patch", "nodes", 409);
        var remover = new TaintRemover(Client, StartupTaint, TimeProvider.System);

        var act = () => remover.RemoveAsync(node, CancellationToken.None);

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Kube.Requests.Count(r => r == ("patch", "nodes")).Should().Be(TaintRemover.MaxAttempts);
        (await IsGatedAsync("n1")).Should().BeTrue();
    }

    [Fact]
    public async Task RemoveAsync_NodeDeletedMeanwhile_ReturnsNull()
    {
        var node = await RegisterNodeAsync("gone");
        await Client.CoreV1.DeleteNodeAsync("gone");
        var remover = new TaintRemover(Client, StartupTaint, TimeProvider.System);

        (await remover.RemoveAsync(node, CancellationToken.None)).Should().BeNull();
    }
}
