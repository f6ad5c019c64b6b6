using AwsIntegrations.Kubernetes.Api;
using System.Net;
using System.Threading.Channels;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Kubernetes.Tests.Client;

public sealed class KubernetesClientWatchTests : EmulatorTest
{
    [Fact]
    public async Task WatchAsync_FromAListVersion_SeesAddModifyDeleteInOrder()
    {
        var list = await Connection.ListAsync<V1Pod>("default");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = Collect(Connection.WatchAsync<V1Pod>("default", new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowWatchBookmarks = false }, stop.Token));

        await CreatePodAsync(NewPod("web"));
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"a":"b"}}}""", V1Patch.PatchType.MergePatch), "web", "default");
        await Client.CoreV1.DeleteNamespacedPodAsync("web", "default");

        var seen = await Take(events, 3);
        seen.Select(e => e.Type).Should().Equal(WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted);
        seen[1].Object.Metadata.Labels!["a"].Should().Be("b");
        seen.Select(e => long.Parse(e.Object.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task WatchAsync_WithoutVersion_StartsWithTheCurrentObjectsAsAdded()
    {
        SeedPod("existing", "10.0.0.1");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var first = await Take(Collect(Connection.WatchAsync<V1Pod>("default", cancellationToken: stop.Token)), 1);

        first[0].Type.Should().Be(WatchEventType.Added);
        first[0].Object.Metadata.Name.Should().Be("existing");
    }

    [Fact]
    public async Task WatchAsync_VersionOlderThanHistory_ThrowsTheGoneStatusOfTheErrorEvent()
    {
        var list = await Connection.ListAsync<V1Pod>("default");
        SeedPod("later", "10.0.0.2");
        Kube.CompactHistory();

        var act = async () =>
        {
            await foreach (var _ in Connection.WatchAsync<V1Pod>("default", new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }))
            {
            }
        };

        (await act.Should().ThrowAsync<KubernetesException>()).Which.Status.Code.Should().Be(410);
    }

    [Fact]
    public async Task WatchAsync_LabelSelector_ObjectLeavingTheSelectionIsDeleted()
    {
        var list = await Connection.ListAsync<V1Pod>("default");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = Collect(Connection.WatchAsync<V1Pod>("default", new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, LabelSelector = "app=web", AllowWatchBookmarks = false }, stop.Token));

        await CreatePodAsync(NewPod("a", labels: new Dictionary<string, string> { ["app"] = "web" }));
        await CreatePodAsync(NewPod("other"));
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"app":"db"}}}""", V1Patch.PatchType.MergePatch), "a", "default");
        await Client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"app":"web"}}}""", V1Patch.PatchType.MergePatch), "other", "default");

        var seen = await Take(events, 3);
        seen.Select(e => (e.Type, e.Object.Metadata.Name)).Should().Equal(
            (WatchEventType.Added, "a"), (WatchEventType.Deleted, "a"), (WatchEventType.Added, "other"));
    }

    [Fact]
    public async Task WatchAsync_BookmarksAllowed_ReceivesBookmarksCarryingTheCurrentVersion()
    {
        var list = await Connection.ListAsync<V1Pod>("default");
        SeedPod("elsewhere", "10.0.0.3");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = Collect(Connection.WatchAsync<V1Pod>("default", new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowWatchBookmarks = true }, stop.Token));

        var seen = await Take(events, 3);

        var bookmark = seen.First(e => e.Type == WatchEventType.Bookmark);
        long.Parse(bookmark.Object.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(Kube.Store.ResourceVersion);
    }

    [Fact]
    public async Task WatchAsync_ServerTimeout_EndsTheStreamNormally()
    {
        var list = await Connection.ListAsync<V1Pod>("default");
        var count = 0;

        await foreach (var _ in Connection.WatchAsync<V1Pod>("default", new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, Timeout = TimeSpan.FromSeconds(1), AllowWatchBookmarks = false }))
        {
            count++;
        }

        count.Should().Be(0);
    }

    [Fact]
    public async Task WatchAsync_ServerDropsTheConnection_SurfacesAnError()
    {
        var list = await Connection.ListAsync<V1Pod>("default");
        var act = async () =>
        {
            await foreach (var _ in Connection.WatchAsync<V1Pod>("default", new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, AllowWatchBookmarks = false }))
            {
            }
        };
        var watching = act.Should().ThrowAsync<Exception>();
        await Eventually.HoldsAsync(() => Kube.Store.OpenWatches == 1, "the watch is open");

        Kube.DropWatches();

        (await watching).Which.Should().Match<Exception>(e => e is IOException || e is HttpRequestException);
    }

    private static ChannelReader<WatchEvent<V1Pod>> Collect(IAsyncEnumerable<WatchEvent<V1Pod>> watch)
    {
        var channel = Channel.CreateUnbounded<WatchEvent<V1Pod>>();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in watch)
                {
                    await channel.Writer.WriteAsync(change);
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        });
        return channel.Reader;
    }

    private static async Task<List<WatchEvent<V1Pod>>> Take(ChannelReader<WatchEvent<V1Pod>> events, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var seen = new List<WatchEvent<V1Pod>>();
        while (seen.Count < count)
        {
            seen.Add(await events.ReadAsync(timeout.Token));
        }

        return seen;
    }
}
