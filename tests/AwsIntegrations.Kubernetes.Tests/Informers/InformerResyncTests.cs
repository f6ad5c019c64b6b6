using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Informers;

/// <summary>After any disconnect the cache equals the server's state, object by object, and no notification is lost or doubled.</summary>
public sealed class InformerResyncTests : EmulatorTest
{
    [Fact]
    public async Task WatchDroppedMidStream_ResumesFromTheLastVersion_WithoutListingAgain()
    {
        var kit = new InformerTestKit();
        await using var informer = await StartedInformerAsync(kit, pods: 10);

        Kube.DropWatches();
        await CreatePodAsync(NewPod("while-reconnecting"));
        await Client.CoreV1.DeleteNamespacedPodAsync("pod-03", "default");

        await Eventually.HoldsAsync(() => InformerTestKit.Converged(Kube, informer, kit), "the cache equals the server");
        informer.Lists.Should().Be(1);
        informer.Watches.Should().BeGreaterThanOrEqualTo(2);
        kit.Anomalies.Should().BeEmpty();
    }

    [Fact]
    public async Task HistoryCompactedWhileDisconnected_RelistsAndAnnouncesExactlyTheDifferences()
    {
        var kit = new InformerTestKit();
        await using var informer = await StartedInformerAsync(kit, pods: 10);
        Kube.Faults.Fail("watch", "pods", 503);
        Kube.DropWatches();

        await CreatePodAsync(NewPod("added-unseen"));
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"changed":"unseen"}}}""", V1Patch.PatchType.MergePatch), "pod-01", "default");
        await Client.CoreV1.DeleteNamespacedPodAsync("pod-02", "default");
        Kube.CompactHistory();
        Kube.Faults.Clear();

        await Eventually.HoldsAsync(() => InformerTestKit.Converged(Kube, informer, kit), "the cache equals the server");
        informer.Lists.Should().Be(2, "the watch from the old version got 410 Gone");
        informer.Get("default", "pod-01")!.Metadata.Labels!["changed"].Should().Be("unseen");
        informer.Get("default", "pod-02").Should().BeNull();
        kit.Anomalies.Should().BeEmpty();
    }

    [Fact]
    public async Task EmulatorRestarted_ChangesMadeWhileDown_AreInTheCacheAfterwards()
    {
        var kit = new InformerTestKit();
        await using var informer = await StartedInformerAsync(kit, pods: 10);
        var pods = Kube.Store.Definition("Pod");

        await Kube.RestartAsync(whileDown: () =>
        {
            Kube.Store.Delete(pods, "default", "pod-05", new());
            Kube.Store.Update(pods, "default", "pod-06", o => { o["metadata"]!["labels"] = new JsonObject { ["v"] = "2" }; return o; }, status: false);
            Kube.Create("Pod", "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "born-while-down" }, ["spec"] = new JsonObject() });
        });

        await Eventually.HoldsAsync(() => InformerTestKit.Converged(Kube, informer, kit), "the cache equals the server");
        informer.Lists.Should().Be(2);
        kit.Anomalies.Should().BeEmpty();
    }

    [Fact]
    public async Task ErrorEventInTheWatch_ListsAgain()
    {
        var kit = new InformerTestKit();
        await using var informer = await StartedInformerAsync(kit, pods: 3);
        Kube.Faults.FailWatchWithEvent("pods", 500);
        Kube.DropWatches();

        await Eventually.HoldsAsync(() => informer.Lists == 2, "a relist after the ERROR event");
        await Eventually.HoldsAsync(() => InformerTestKit.Converged(Kube, informer, kit), "the cache equals the server");
        kit.Anomalies.Should().BeEmpty();
    }

    [Fact]
    public async Task ListFailsAtFirst_InformerRetriesUntilSynced()
    {
        SeedPod("a", "10.0.0.1");
        Kube.Faults.Fail("list", "pods", 500, times: 5);

        await using var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions).Start();
        await informer.WaitForSyncAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        informer.List().Should().ContainSingle();
    }

    [Fact]
    public async Task Churn_WithWatchDropsCompactionsAndRestarts_CacheEqualsServerObjectByObject()
    {
        var kit = new InformerTestKit();
        await using var informer = await StartedInformerAsync(kit, pods: 20);
        var random = new Random(42);
        var pods = Kube.Store.Definition("Pod");

        for (var round = 0; round < 120; round++)
        {
            var name = $"pod-{random.Next(40):00}";
            var existing = Kube.Store.Get(pods, "default", name);
            if (existing is null)
            {
                SeedPod(name, $"10.5.0.{round % 250}");
            }
            else if (random.Next(3) == 0)
            {
                Kube.Store.Delete(pods, "default", name, new());
            }
            else
            {
                Kube.Store.Update(pods, "default", name, o => { o["metadata"]!["labels"] = new JsonObject { ["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture) }; return o; }, status: false);
            }

            switch (round % 30)
            {
                case 7:
                    Kube.DropWatches();
                    break;
                case 15:
                    Kube.DropWatches();
                    Kube.CompactHistory();
                    break;
                case 25:
                    await Kube.RestartAsync();
                    break;
            }

            if (round % 10 == 0)
            {
                await Task.Delay(10);
            }
        }

        await Eventually.HoldsAsync(() => InformerTestKit.Converged(Kube, informer, kit), "the cache and the notified view equal the server");
        InformerTestKit.CacheState(informer).Should().BeEquivalentTo(InformerTestKit.ServerState(Kube));
        kit.Anomalies.Should().BeEmpty();
        informer.Lists.Should().BeGreaterThan(1);
    }

    private async Task<Informer<V1Pod>> StartedInformerAsync(InformerTestKit kit, int pods)
    {
        for (var i = 0; i < pods; i++)
        {
            SeedPod($"pod-{i:00}", $"10.4.0.{i}");
        }

        var informer = new Informer<V1Pod>(Connection, options: InformerTestKit.FastOptions);
        informer.AddHandler(kit.Handler);
        informer.Start();
        await informer.WaitForSyncAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        await Eventually.HoldsAsync(() => Kube.Store.OpenWatches == 1, "the informer watches");
        return informer;
    }
}
