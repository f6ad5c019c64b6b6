using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Models;
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

        await using var informer = new Informer<Pod>(Client, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        informer.HasSynced.Should().BeTrue();
        InformerTestKit.CacheState(informer).Should().BeEquivalentTo(InformerTestKit.ServerState(Kube));
        Kube.Requests.Count(r => r.Verb == "list").Should().Be(5, "30 pods in pages of 7");
    }

    [Fact]
    public async Task Cache_ListedAndWatchedObjects_KeepEverythingButManagedFields()
    {
        SeedPod("listed", "10.0.0.1");
        await using var informer = new Informer<Pod>(Client, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        SeedPod("watched", "10.0.0.2");
        await Eventually.HoldsAsync(() => informer.List().Count == 2, "the watched pod is cached");

        Kube.Get("Pod", "default", "watched")!["metadata"]!["managedFields"]!.AsArray().Should().NotBeEmpty("the server sends them");
        informer.List().Should().AllSatisfy(pod =>
        {
            (pod.Metadata.Extra?.ContainsKey("managedFields") ?? false).Should().BeFalse();
            pod.Metadata.Labels.Should().ContainKey("app");
            pod.Status!.PodIP.Should().NotBeNullOrEmpty();
        });
    }

    [Fact]
    public async Task ByIndex_FindsPodsByIpNodeNamespaceAndOwner()
    {
        await Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = "team" } });
        SeedPod("a", "10.1.0.1", node: "node-1", ownerUid: "job-uid");
        SeedPod("b", "10.1.0.2", node: "node-1");
        SeedPod("c", "10.1.0.3", ns: "team", node: "node-2");
        await using var informer = new Informer<Pod>(Client, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        informer.ByIndex(PodIndexes.ByIp, "10.1.0.2").Should().ContainSingle(p => p.Metadata.Name == "b");
        informer.ByIndex(PodIndexes.ByNodeName, "node-1").Select(p => p.Metadata.Name).Should().BeEquivalentTo("a", "b");
        informer.ByIndex(InformerCache<Pod>.NamespaceIndex, "team").Should().ContainSingle(p => p.Metadata.Name == "c");
        informer.ByIndex(InformerCache<Pod>.OwnerIndex, "job-uid").Should().ContainSingle(p => p.Metadata.Name == "a");
        informer.ByIndex(PodIndexes.ByIp, "10.9.9.9").Should().BeEmpty();
    }

    [Fact]
    public async Task ByIndex_PodIpChanges_IndexFollows()
    {
        SeedPod("a", "10.1.0.1");
        await using var informer = new Informer<Pod>(Client, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        await Client.PatchStatusAsync<Pod>("default", "a", KubernetesPatch.Merge(new() { ["status"] = new System.Text.Json.Nodes.JsonObject { ["podIP"] = "10.1.0.9" } }));

        await Eventually.HoldsAsync(() => informer.ByIndex(PodIndexes.ByIp, "10.1.0.9").Count == 1, "the new IP is indexed");
        informer.ByIndex(PodIndexes.ByIp, "10.1.0.1").Should().BeEmpty();
    }

    [Fact]
    public async Task ByIndex_UnknownIndex_ThrowsNamingTheKnownOnes()
    {
        await using var informer = new Informer<Pod>(Client, options: InformerTestKit.FastOptions);

        var act = () => informer.ByIndex("nope", "x");

        act.Should().Throw<ArgumentException>().WithMessage("*podIP*");
    }

    [Fact]
    public async Task AddHandler_NotifiesAddUpdateDelete_AndReplaysExistingObjectsToLateHandlers()
    {
        SeedPod("existing", "10.2.0.1");
        await using var informer = new Informer<Pod>(Client, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var seen = new List<string>();
        using var _ = informer.AddHandler(new InformerHandler<Pod>(
            p => { lock (seen) { seen.Add($"add {p.Metadata.Name}"); } },
            (_, p) => { lock (seen) { seen.Add($"update {p.Metadata.Name}"); } },
            p => { lock (seen) { seen.Add($"delete {p.Metadata.Name}"); } }));

        await Client.CreateAsync(NewPod("new"));
        await Client.PatchAsync<Pod>("default", "new", KubernetesPatch.Labels(new Dictionary<string, string?> { ["x"] = "y" }));
        await Client.DeleteAsync<Pod>("default", "new");

        await Eventually.HoldsAsync(() => { lock (seen) { return seen.Count == 4; } }, "four notifications");
        seen.Should().Equal("add existing", "add new", "update new", "delete new");
    }

    [Fact]
    public async Task AddHandler_HandlerThrows_OtherHandlersAndTheCacheCarryOn()
    {
        await using var informer = new Informer<Pod>(Client, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var added = 0;
        using var bad = informer.AddHandler(new InformerHandler<Pod>(_ => throw new InvalidOperationException("boom")));
        using var good = informer.AddHandler(new InformerHandler<Pod>(_ => Interlocked.Increment(ref added)));

        await Client.CreateAsync(NewPod("a"));
        await Client.CreateAsync(NewPod("b"));

        await Eventually.HoldsAsync(() => added == 2 && informer.List().Count == 2, "both pods arrive");
    }

    [Fact]
    public async Task Informer_SelectorScoped_SeesOnlyItsPods()
    {
        SeedPod("mine", "10.3.0.1", node: "node-1");
        SeedPod("theirs", "10.3.0.2", node: "node-2");
        await using var informer = new Informer<Pod>(Client, fieldSelector: "spec.nodeName=node-1", options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        await Client.CreateAsync(NewPod("later-mine", node: "node-1"));
        await Client.CreateAsync(NewPod("later-theirs", node: "node-2"));

        await Eventually.HoldsAsync(() => informer.List().Count == 2, "two pods on node-1");
        informer.List().Select(p => p.Metadata.Name).Should().BeEquivalentTo("mine", "later-mine");
    }

    [Fact]
    public async Task ResyncPeriod_ReannouncesEveryCachedObjectAsAnUnchangedUpdate()
    {
        SeedPod("a", "10.6.0.1");
        SeedPod("b", "10.6.0.2");
        var clock = new FakeTimeProvider();
        using var client = NewClient(Settings with { Time = clock });
        await using var informer = new Informer<Pod>(client, options: InformerTestKit.FastOptions with { ResyncPeriod = TimeSpan.FromMinutes(10) }).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var resynced = new List<string>();
        using var _ = informer.AddHandler(new InformerHandler<Pod>(OnUpdate: (old, now) =>
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
        await using var factory = new SharedInformerFactory(Client, InformerTestKit.FastOptions);

        var first = factory.GetInformer<Pod>();
        var second = factory.GetInformer<Pod>();
        var scoped = factory.GetInformer<Pod>("default", "app=web");
        var nodes = factory.GetInformer<Node>();
        await factory.WaitForSyncAsync(CancellationToken.None);

        second.Should().BeSameAs(first);
        scoped.Should().NotBeSameAs(first);
        factory.Informers.Should().HaveCount(3);
        factory.HasSynced.Should().BeTrue();
        nodes.HasSynced.Should().BeTrue();
        Kube.Requests.Count(r => r.Verb == "list" && r.Resource == "pods").Should().Be(2);
    }
}
