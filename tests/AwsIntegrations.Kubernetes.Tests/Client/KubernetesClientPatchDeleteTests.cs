using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

public sealed class KubernetesClientPatchDeleteTests : EmulatorTest
{
    [Fact]
    public async Task PatchAsync_MergePatch_SetsAndRemovesAnnotations()
    {
        var pod = NewPod("web");
        pod.Metadata.Annotations = new() { ["old"] = "1", ["keep"] = "2" };
        await Client.CreateAsync(pod);

        var patched = await Client.PatchAsync<Pod>("default", "web", KubernetesPatch.Annotations(new Dictionary<string, string?> { ["old"] = null, ["new"] = "3" }));

        patched.Metadata.Annotations.Should().BeEquivalentTo(new Dictionary<string, string> { ["keep"] = "2", ["new"] = "3" });
    }

    [Fact]
    public async Task PatchAsync_JsonPatchWithFailingTest_ThrowsInvalidAndChangesNothing()
    {
        var created = await Client.CreateAsync(NewPod("web"));
        var patch = KubernetesPatch.Json(new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = "999999" },
            new JsonObject { ["op"] = "add", ["path"] = "/metadata/labels", ["value"] = new JsonObject { ["x"] = "y" } }));

        var act = () => Client.PatchAsync<Pod>("default", "web", patch);

        await act.Should().ThrowAsync<KubernetesInvalidException>();
        (await Client.GetAsync<Pod>("default", "web")).Metadata.ResourceVersion.Should().Be(created.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task PatchAsync_JsonPatch_AddsAndReplaces()
    {
        var created = await Client.CreateAsync(NewPod("web"));
        var patch = KubernetesPatch.Json(new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/metadata/resourceVersion", ["value"] = created.Metadata.ResourceVersion },
            new JsonObject { ["op"] = "add", ["path"] = "/metadata/labels", ["value"] = new JsonObject { ["a~b/c"] = "y" } },
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/containers/0/image", ["value"] = "nginx:2" }));

        var patched = await Client.PatchAsync<Pod>("default", "web", patch);

        patched.Metadata.Labels!["a~b/c"].Should().Be("y");
        patched.Spec!.Containers[0].Image.Should().Be("nginx:2");
    }

    [Fact]
    public async Task PatchAsync_StaleResourceVersionInMergePatch_ThrowsConflict()
    {
        await Client.CreateAsync(NewPod("web"));

        var act = () => Client.PatchAsync<Pod>("default", "web", KubernetesPatch.Merge(new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = "1", ["labels"] = new JsonObject { ["a"] = "b" } } }));

        await act.Should().ThrowAsync<KubernetesConflictException>();
    }

    [Fact]
    public async Task PatchStatusAsync_ChangesStatus_PatchOnObjectCannot()
    {
        await Client.CreateAsync(NewPod("web"));

        await Client.PatchAsync<Pod>("default", "web", KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["podIP"] = "10.9.9.9" } }));
        var afterObjectPatch = await Client.GetAsync<Pod>("default", "web");
        var afterStatusPatch = await Client.PatchStatusAsync<Pod>("default", "web", KubernetesPatch.Merge(new JsonObject { ["status"] = new JsonObject { ["podIP"] = "10.1.1.1" } }));

        afterObjectPatch.Status!.PodIP.Should().BeNull();
        afterStatusPatch.Status!.PodIP.Should().Be("10.1.1.1");
        afterStatusPatch.Status.Phase.Should().Be("Pending");
    }

    [Fact]
    public async Task PatchAsync_Missing_ThrowsNotFound()
    {
        var act = () => Client.PatchAsync<Pod>("default", "ghost", KubernetesPatch.Labels(new Dictionary<string, string?> { ["a"] = "b" }));

        await act.Should().ThrowAsync<KubernetesNotFoundException>();
    }

    [Fact]
    public async Task DeleteAsync_WrongUidPrecondition_ThrowsConflictAndKeepsObject()
    {
        await Client.CreateAsync(NewPod("web"));

        var act = () => Client.DeleteAsync<Pod>("default", "web", new DeleteOptions { PreconditionUid = "someone-else" });

        await act.Should().ThrowAsync<KubernetesConflictException>().WithMessage("*Precondition failed*");
        Kube.Get("Pod", "default", "web").Should().NotBeNull();
    }

    [Fact]
    public async Task DeleteAsync_StaleResourceVersionPrecondition_ThrowsConflict_CurrentOneDeletes()
    {
        var created = await Client.CreateAsync(NewPod("web"));
        var current = await Client.PatchAsync<Pod>("default", "web", KubernetesPatch.Labels(new Dictionary<string, string?> { ["v"] = "2" }));

        var stale = () => Client.DeleteAsync<Pod>("default", "web", new DeleteOptions { PreconditionResourceVersion = created.Metadata.ResourceVersion });
        await stale.Should().ThrowAsync<KubernetesConflictException>();
        await Client.DeleteAsync<Pod>("default", "web", new DeleteOptions { PreconditionUid = created.Metadata.Uid, PreconditionResourceVersion = current.Metadata.ResourceVersion });

        Kube.Get("Pod", "default", "web").Should().BeNull();
    }

    [Fact]
    public async Task DeleteAsync_Missing_ThrowsNotFound()
    {
        var act = () => Client.DeleteAsync<Pod>("default", "ghost");

        await act.Should().ThrowAsync<KubernetesNotFoundException>();
    }

    [Fact]
    public async Task DeleteAsync_WithFinalizer_MarksDeletion_UntilTheFinalizerIsRemoved()
    {
        var pod = NewPod("guarded");
        pod.Metadata.Finalizers = ["example.com/cleanup"];
        await Client.CreateAsync(pod);

        await Client.DeleteAsync<Pod>("default", "guarded");
        var marked = await Client.GetAsync<Pod>("default", "guarded");
        await Client.PatchAsync<Pod>("default", "guarded", KubernetesPatch.Merge(new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } }));

        marked.Metadata.DeletionTimestamp.Should().NotBeNull();
        Kube.Get("Pod", "default", "guarded").Should().BeNull();
    }

    [Theory]
    [InlineData(PropagationPolicy.Background)]
    [InlineData(PropagationPolicy.Foreground)]
    public async Task DeleteAsync_JobWithPropagation_DeletesThePodsItOwns(PropagationPolicy policy)
    {
        var job = await Client.CreateAsync(new Job { Metadata = new ObjectMeta { Name = "batch-1", Namespace = "default" }, Spec = new JobSpec() });
        SeedPod("batch-1-a", "10.0.3.1", ownerUid: job.Metadata.Uid);
        SeedPod("batch-1-b", "10.0.3.2", ownerUid: job.Metadata.Uid);
        SeedPod("unrelated", "10.0.3.3");

        await Client.DeleteAsync<Job>("default", "batch-1", new DeleteOptions { PropagationPolicy = policy });

        Kube.Get("Job", "default", "batch-1").Should().BeNull();
        Kube.All("Pod", "default").Select(p => (string?)p["metadata"]!["name"]).Should().Equal("unrelated");
    }

    [Fact]
    public async Task DeleteAsync_JobWithoutPolicy_OrphansItsPods_AsTheRealServerDoes()
    {
        var job = await Client.CreateAsync(new Job { Metadata = new ObjectMeta { Name = "batch-2", Namespace = "default" }, Spec = new JobSpec() });
        SeedPod("batch-2-a", "10.0.4.1", ownerUid: job.Metadata.Uid);

        await Client.DeleteAsync<Job>("default", "batch-2");

        var orphan = await Client.GetAsync<Pod>("default", "batch-2-a");
        orphan.Metadata.OwnerReferences.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task DeleteAsync_Namespace_DeletesEverythingInIt()
    {
        await Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = "doomed" } });
        await Client.CreateAsync(NewPod("p", ns: "doomed"));
        await Client.CreateAsync(new Lease { Metadata = new ObjectMeta { Name = "l", Namespace = "doomed" } });

        await Client.DeleteAsync<Namespace>(null, "doomed");

        Kube.All("Pod", "doomed").Should().BeEmpty();
        Kube.All("Lease", "doomed").Should().BeEmpty();
        (await Client.FindAsync<Namespace>(null, "doomed")).Should().BeNull();
    }
}
