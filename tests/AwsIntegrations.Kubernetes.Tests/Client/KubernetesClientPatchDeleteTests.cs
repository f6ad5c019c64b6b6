using System.Net;
using AwsIntegrations.Kubernetes.Api;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

/// <summary>KubernetesClient's patches and deletes against the emulator: the write paths the services use.</summary>
public sealed class KubernetesClientPatchDeleteTests : EmulatorTest
{
    [Fact]
    public async Task PatchAsync_MergePatch_SetsAndRemovesAnnotations()
    {
        var pod = NewPod("web");
        pod.Metadata.Annotations = new Dictionary<string, string> { ["old"] = "1", ["keep"] = "2" };
        await CreatePodAsync(pod);

        var patched = await Client.CoreV1.PatchNamespacedPodAsync(Merge("""{"metadata":{"annotations":{"old":null,"new":"3"}}}"""), "web", "default");

        patched.Metadata.Annotations.Should().BeEquivalentTo(new Dictionary<string, string> { ["keep"] = "2", ["new"] = "3" });
    }

    [Fact]
    public async Task PatchAsync_JsonPatchWithFailingTest_IsRefusedInvalidAndChangesNothing()
    {
        var created = await CreatePodAsync(NewPod("web"));
        var patch = Json("""[{"op":"test","path":"/metadata/resourceVersion","value":"999999"},{"op":"add","path":"/metadata/labels","value":{"x":"y"}}]""");

        var act = () => Client.CoreV1.PatchNamespacedPodAsync(patch, "web", "default");

        await act.ShouldBeRefusedAsync(HttpStatusCode.UnprocessableEntity);
        (await Client.CoreV1.ReadNamespacedPodAsync("web", "default")).Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task PatchAsync_JsonPatch_AddsAndReplaces()
    {
        var created = await CreatePodAsync(NewPod("web"));
        var patch = Json($$$"""
            [{"op":"test","path":"/metadata/resourceVersion","value":"{{{created.Metadata.ResourceVersion}}}"},
             {"op":"add","path":"/metadata/labels","value":{"a~b/c":"y"}},
             {"op":"replace","path":"/spec/containers/0/image","value":"nginx:2"}]
            """);

        var patched = await Client.CoreV1.PatchNamespacedPodAsync(patch, "web", "default");

        patched.Metadata.Labels!["a~b/c"].Should().Be("y");
        patched.Spec!.Containers[0].Image.Should().Be("nginx:2");
    }

    [Fact]
    public async Task PatchAsync_StaleResourceVersionInMergePatch_IsRefusedConflict()
    {
        await CreatePodAsync(NewPod("web"));

        var act = () => Client.CoreV1.PatchNamespacedPodAsync(Merge("""{"metadata":{"resourceVersion":"1","labels":{"a":"b"}}}"""), "web", "default");

        await act.ShouldBeRefusedAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PatchStatusAsync_ChangesStatus_PatchOnObjectCannot()
    {
        await CreatePodAsync(NewPod("web"));

        await Client.CoreV1.PatchNamespacedPodAsync(Merge("""{"status":{"podIP":"10.9.9.9"}}"""), "web", "default");
        var afterObjectPatch = await Client.CoreV1.ReadNamespacedPodAsync("web", "default");
        var afterStatusPatch = await Client.CoreV1.PatchNamespacedPodStatusAsync(Merge("""{"status":{"podIP":"10.1.1.1"}}"""), "web", "default");

        afterObjectPatch.Status!.PodIP.Should().BeNull();
        afterStatusPatch.Status!.PodIP.Should().Be("10.1.1.1");
        afterStatusPatch.Status.Phase.Should().Be("Pending");
    }

    [Fact]
    public async Task PatchAsync_Missing_IsRefusedNotFound()
    {
        var act = () => Client.CoreV1.PatchNamespacedPodAsync(Merge("""{"metadata":{"labels":{"a":"b"}}}"""), "ghost", "default");

        await act.ShouldBeRefusedAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteAsync_WrongUidPrecondition_IsRefusedConflictAndKeepsObject()
    {
        await CreatePodAsync(NewPod("web"));

        var act = () => Client.CoreV1.DeleteNamespacedPodAsync("web", "default", new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "someone-else" } });

        (await act.ShouldBeRefusedAsync(HttpStatusCode.Conflict)).Message.Should().Contain("Precondition failed");
        Kube.Get("Pod", "default", "web").Should().NotBeNull();
    }

    [Fact]
    public async Task DeleteAsync_StaleResourceVersionPrecondition_IsRefusedConflict_CurrentOneDeletes()
    {
        var created = await CreatePodAsync(NewPod("web"));
        var current = await Client.CoreV1.PatchNamespacedPodAsync(Merge("""{"metadata":{"labels":{"v":"2"}}}"""), "web", "default");

        var stale = () => Client.CoreV1.DeleteNamespacedPodAsync("web", "default", new V1DeleteOptions { Preconditions = new V1Preconditions { ResourceVersion = created.Metadata.ResourceVersion } });
        await stale.ShouldBeRefusedAsync(HttpStatusCode.Conflict);
        await Client.CoreV1.DeleteNamespacedPodAsync("web", "default", new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = created.Metadata.Uid, ResourceVersion = current.Metadata.ResourceVersion } });

        Kube.Get("Pod", "default", "web").Should().BeNull();
    }

    [Fact]
    public async Task DeleteAsync_Missing_IsRefusedNotFound()
    {
        var act = () => Client.CoreV1.DeleteNamespacedPodAsync("ghost", "default");

        await act.ShouldBeRefusedAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteAsync_WithFinalizer_MarksDeletion_UntilTheFinalizerIsRemoved()
    {
        var pod = NewPod("guarded");
        pod.Metadata.Finalizers = ["example.com/cleanup"];
        await CreatePodAsync(pod);

        await Client.CoreV1.DeleteNamespacedPodAsync("guarded", "default");
        var marked = await Client.CoreV1.ReadNamespacedPodAsync("guarded", "default");
        await Client.CoreV1.PatchNamespacedPodAsync(Merge("""{"metadata":{"finalizers":null}}"""), "guarded", "default");

        marked.Metadata.DeletionTimestamp.Should().NotBeNull();
        Kube.Get("Pod", "default", "guarded").Should().BeNull();
    }

    [Theory]
    [InlineData("Background")]
    [InlineData("Foreground")]
    public async Task DeleteAsync_JobWithPropagation_DeletesThePodsItOwns(string policy)
    {
        var job = await Client.BatchV1.CreateNamespacedJobAsync(new V1Job { Metadata = new V1ObjectMeta { Name = "batch-1", NamespaceProperty = "default" }, Spec = new V1JobSpec() }, "default");
        SeedPod("batch-1-a", "10.0.3.1", ownerUid: job.Metadata.Uid);
        SeedPod("batch-1-b", "10.0.3.2", ownerUid: job.Metadata.Uid);
        SeedPod("unrelated", "10.0.3.3");

        await Client.BatchV1.DeleteNamespacedJobAsync("batch-1", "default", new V1DeleteOptions { PropagationPolicy = policy });

        Kube.Get("Job", "default", "batch-1").Should().BeNull();
        Kube.All("Pod", "default").Select(p => (string?)p["metadata"]!["name"]).Should().Equal("unrelated");
    }

    [Fact]
    public async Task DeleteAsync_JobWithoutPolicy_OrphansItsPods_AsTheRealServerDoes()
    {
        var job = await Client.BatchV1.CreateNamespacedJobAsync(new V1Job { Metadata = new V1ObjectMeta { Name = "batch-2", NamespaceProperty = "default" }, Spec = new V1JobSpec() }, "default");
        SeedPod("batch-2-a", "10.0.4.1", ownerUid: job.Metadata.Uid);

        await Client.BatchV1.DeleteNamespacedJobAsync("batch-2", "default");

        var orphan = await Client.CoreV1.ReadNamespacedPodAsync("batch-2-a", "default");
        orphan.Metadata.OwnerReferences.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task DeleteAsync_Namespace_DeletesEverythingInIt()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "doomed" } });
        await CreatePodAsync(NewPod("p", ns: "doomed"));
        await Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease { Metadata = new V1ObjectMeta { Name = "l", NamespaceProperty = "doomed" } }, "doomed");

        await Client.CoreV1.DeleteNamespaceAsync("doomed");

        Kube.All("Pod", "doomed").Should().BeEmpty();
        Kube.All("Lease", "doomed").Should().BeEmpty();
        (await Client.CoreV1.ReadNamespaceAsync("doomed").NullIfNotFound()).Should().BeNull();
    }

    private static V1Patch Merge(string json) => new(json, V1Patch.PatchType.MergePatch);

    private static V1Patch Json(string json) => new(json, V1Patch.PatchType.JsonPatch);
}
