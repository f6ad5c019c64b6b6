using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Informers;

public sealed class InformerTests : EmulatorTest
{
    [Fact]
    public async Task WaitForSyncAsync_ManyPagesOfPods_CacheEqualsTheServer()
    {
        for (var i = 0; i < 30; i++)
        {
            SeedPod($"pod-{i:00}", $"10.0.0.{i}");
        }

        await using var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        informer.HasSynced.Should().BeTrue();
        InformerTestKit.CacheState(informer).Should().BeEquivalentTo(InformerTestKit.ServerState(Kube));
        Kube.Requests.Count(r => r.Verb == "list").Should().Be(5, "30 pods in pages of 7");
    }

    [Fact]
    public async Task Cache_ListedAndWatchedObjects_KeepEverythingButManagedFields()
    {
        SeedPod("listed", "10.0.0.1");
        await using var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        SeedPod("watched", "10.0.0.2");
        // SeedPod creates the pod, then writes its status: two watch events, and the test reads after the second.
        await Eventually.HoldsAsync(() => informer.List().Count(p => !string.IsNullOrEmpty(p.Status?.PodIP)) == 2, "the watched pod is cached with its status");

        Kube.Get("Pod", "default", "watched")!["metadata"]!["managedFields"]!.AsArray().Should().NotBeEmpty("the server sends them");
        informer.List().Should().AllSatisfy(pod =>
        {
            pod.Metadata.ManagedFields.Should().BeNull();
            pod.Metadata.Labels.Should().ContainKey("app");
            pod.Status!.PodIP.Should().NotBeNullOrEmpty();
        });
    }

    [Fact]
    public async Task ByIndex_FindsPodsByIpNodeNamespaceAndOwner()
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } });
        SeedPod("a", "10.1.0.1", node: "node-1", ownerUid: "job-uid");
        SeedPod("b", "10.1.0.2", node: "node-1");
        SeedPod("c", "10.1.0.3", ns: "team", node: "node-2");
        await using var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        informer.ByIndex(PodIndexes.ByIp, "10.1.0.2").Should().ContainSingle(p => p.Metadata.Name == "b");
        informer.ByIndex(PodIndexes.ByNodeName, "node-1").Select(p => p.Metadata.Name).Should().BeEquivalentTo("a", "b");
        informer.ByIndex(InformerCache<V1Pod>.NamespaceIndex, "team").Should().ContainSingle(p => p.Metadata.Name == "c");
        informer.ByIndex(InformerCache<V1Pod>.OwnerIndex, "job-uid").Should().ContainSingle(p => p.Metadata.Name == "a");
        informer.ByIndex(PodIndexes.ByIp, "10.9.9.9").Should().BeEmpty();
    }

    [Fact]
    public async Task ByIndex_PodIpChanges_IndexFollows()
    {
        SeedPod("a", "10.1.0.1");
        await using var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        await Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch("""{"status":{"podIP":"10.1.0.9"}}""", V1Patch.PatchType.MergePatch), "a", "default");

        await Eventually.HoldsAsync(() => informer.ByIndex(PodIndexes.ByIp, "10.1.0.9").Count == 1, "the new IP is indexed");
        informer.ByIndex(PodIndexes.ByIp, "10.1.0.1").Should().BeEmpty();
    }

    [Fact]
    public async Task ByIndex_UnknownIndex_ThrowsNamingTheKnownOnes()
    {
        await using var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions);

        var act = () => informer.ByIndex("nope", "x");

        act.Should().Throw<ArgumentException>().WithMessage("*podIP*");
    }

    [Fact]
    public async Task AddHandler_NotifiesAddUpdateDelete_AndReplaysExistingObjectsToLateHandlers()
    {
        SeedPod("existing", "10.2.0.1");
        await using var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var seen = new List<string>();
        using var _ = informer.AddHandler(new InformerHandler<V1Pod>(
            p => { lock (seen) { seen.Add($"add {p.Metadata.Name}"); } },
            (_, p) => { lock (seen) { seen.Add($"update {p.Metadata.Name}"); } },
            p => { lock (seen) { seen.Add($"delete {p.Metadata.Name}"); } }));

        await CreatePodAsync(NewPod("new"));
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"x":"y"}}}""", V1Patch.PatchType.MergePatch), "new", "default");
        await Client.CoreV1.DeleteNamespacedPodAsync("new", "default");

        await Eventually.HoldsAsync(() => { lock (seen) { return seen.Count == 4; } }, "four notifications");
        seen.Should().Equal("add existing", "add new", "update new", "delete new");
    }

    [Fact]
    public async Task AddHandler_HandlerThrows_OtherHandlersAndTheCacheCarryOn()
    {
        await using var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var added = 0;
        using var bad = informer.AddHandler(new InformerHandler<V1Pod>(_ => throw new InvalidOperationException("boom")));
        using var good = informer.AddHandler(new InformerHandler<V1Pod>(_ => Interlocked.Increment(ref added)));

        await CreatePodAsync(NewPod("a"));
        await CreatePodAsync(NewPod("b"));

        await Eventually.HoldsAsync(() => added == 2 && informer.List().Count == 2, "both pods arrive");
    }

    [Fact]
    public async Task Informer_SelectorScoped_SeesOnlyItsPods()
    {
        SeedPod("mine", "10.3.0.1", node: "node-1");
        SeedPod("theirs", "10.3.0.2", node: "node-2");
        await using var informer = new Informer<V1Pod>(Connection, fieldSelector: "spec.nodeName=node-1", options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        await CreatePodAsync(NewPod("later-mine", node: "node-1"));
        await CreatePodAsync(NewPod("later-theirs", node: "node-2"));

        await Eventually.HoldsAsync(() => informer.List().Count == 2, "two pods on node-1");
        informer.List().Select(p => p.Metadata.Name).Should().BeEquivalentTo("mine", "later-mine");
    }

    [Fact]
    public async Task ResyncPeriod_ReannouncesEveryCachedObjectAsAnUnchangedUpdate()
    {
        SeedPod("a", "10.6.0.1");
        SeedPod("b", "10.6.0.2");
        var clock = new FakeTimeProvider();
        using var client = NewConnection(Settings with { Time = clock });
        await using var informer = new Informer<V1Pod>(client, options: InformerTestKit.FastOptions with { ResyncPeriod = TimeSpan.FromMinutes(10) }).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var resynced = new List<string>();
        using var _ = informer.AddHandler(new InformerHandler<V1Pod>(OnUpdate: (old, now) =>
        {
            if (ReferenceEquals(old, now))
            {
                lock (resynced)
                {
                    resynced.Add(now.Metadata.Name!);
                }
            }
        }));

        clock.Advance(TimeSpan.FromMinutes(9));
        var early = resynced.Count;
        clock.Advance(TimeSpan.FromMinutes(1));

        early.Should().Be(0);
        resynced.Should().BeEquivalentTo("a", "b");
    }

    [Fact]
    public async Task SharedInformerFactory_SameKindAndScope_SharesOneInformer()
    {
        await using var factory = new SharedInformerFactory(Connection, InformerTestKit.FastOptions);

        var first = factory.GetInformer<V1Pod>();
        var second = factory.GetInformer<V1Pod>();
        var scoped = factory.GetInformer<V1Pod>("default", "app=web");
        var nodes = factory.GetInformer<V1Node>();
        await factory.WaitForSyncAsync(CancellationToken.None);

        second.Should().BeSameAs(first);
        scoped.Should().NotBeSameAs(first);
        factory.Informers.Should().HaveCount(3);
        factory.HasSynced.Should().BeTrue();
        nodes.HasSynced.Should().BeTrue();
        Kube.Requests.Count(r => r.Verb == "list" && r.Resource == "pods").Should().Be(2);
    }
}
