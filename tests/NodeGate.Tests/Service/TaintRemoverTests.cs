using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;
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
        await Client.PatchAsync<Node>(null, "n1", KubernetesPatch.Json(new([
            new System.Text.Json.Nodes.JsonObject { ["op"] = "add", ["path"] = "/spec/taints/0", ["value"] = new System.Text.Json.Nodes.JsonObject { ["key"] = "cilium.io/agent-not-ready", ["effect"] = "NoSchedule" } },
        ])));
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
        await Client.PatchAsync<Node>(null, "n1", KubernetesPatch.Annotations(new Dictionary<string, string?> { ["karpenter.sh/initialized"] = "true" }));
        var remover = new TaintRemover(Client, StartupTaint, TimeProvider.System);

        await remover.RemoveAsync(stale, CancellationToken.None);

        var node = await NodeAsync("n1");
        node.Metadata.Annotation("karpenter.sh/initialized").Should().Be("true");
        ReleasedAnnotation(node).Should().NotBeNull();
        (node.Spec!.Taints ?? []).Should().BeEmpty();
    }

    [Fact]
    public async Task RemoveAsync_ServerAnswersConflictEveryTime_GivesUpAfterMaxAttempts()
    {
        var node = await RegisterNodeAsync("n1");
        Kube.Faults.Fail("patch", "nodes", 409);
        var remover = new TaintRemover(Client, StartupTaint, TimeProvider.System);

        var act = () => remover.RemoveAsync(node, CancellationToken.None);

        await act.Should().ThrowAsync<KubernetesConflictException>();
        Kube.Requests.Count(r => r == ("patch", "nodes")).Should().Be(TaintRemover.MaxAttempts);
        (await IsGatedAsync("n1")).Should().BeTrue();
    }

    [Fact]
    public async Task RemoveAsync_NodeDeletedMeanwhile_ReturnsNull()
    {
        var node = await RegisterNodeAsync("gone");
        await Client.DeleteAsync<Node>(null, "gone");
        var remover = new TaintRemover(Client, StartupTaint, TimeProvider.System);

        (await remover.RemoveAsync(node, CancellationToken.None)).Should().BeNull();
    }
}
