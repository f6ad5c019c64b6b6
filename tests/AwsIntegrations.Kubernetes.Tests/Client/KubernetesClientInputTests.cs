using System.Net;
using AwsIntegrations.Kubernetes.Api;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

/// <summary>Mistakes a caller can make: ours are reported before anything is sent; KubernetesClient sends them and the server refuses.</summary>
public sealed class KubernetesClientInputTests : EmulatorTest
{
    [Fact]
    public async Task ReplaceAsync_WithoutName_IsRefusedByTheServer_AndChangesNothing()
    {
        var act = () => Client.CoreV1.ReplaceNamespacedPodAsync(NewPod("x"), null!, "default");

        await act.ShouldBeRefusedAsync(HttpStatusCode.MethodNotAllowed);
        Kube.All("Pod", "default").Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_NamespacedKindWithoutNamespace_IsRefusedNotFound()
    {
        SeedPod("web", "10.0.0.1");

        var act = () => Client.CoreV1.ReadNamespacedPodAsync("web", null!);

        await act.ShouldBeRefusedAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListAsync_TypeThatIsNotAKind_ThrowsNamingWhy()
    {
        var act = () => Connection.ListAsync<NotAKind>("default");

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*NotAKind is not a KubernetesClient model of a kind*");
        Kube.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Request_ServerSlowerThanTheTimeout_Fails_AndWorksOnceFast()
    {
        SeedPod("web", "10.0.0.1");
        using var connection = NewConnection(Settings with { RequestTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 1 });
        Kube.Faults.Delay = TimeSpan.FromMilliseconds(600);

        var slow = () => connection.Client.CoreV1.ReadNamespacedPodAsync("web", "default");
        await slow.Should().ThrowAsync<OperationCanceledException>();
        var slowList = () => connection.ListAsync<V1Pod>("default");
        await slowList.Should().ThrowAsync<OperationCanceledException>("our list has the same timeout as KubernetesClient's calls");
        Kube.Faults.Clear();

        (await connection.Client.CoreV1.ReadNamespacedPodAsync("web", "default")).Metadata.Name.Should().Be("web");
    }

    [Fact]
    public async Task ReadAsync_NameWithASlash_IsEscaped_AndIsNotFound()
    {
        var act = () => Client.CoreV1.ReadNamespacedPodAsync("a/b", "default");

        await act.ShouldBeRefusedAsync(HttpStatusCode.NotFound);
    }

    private sealed class NotAKind : KubernetesObject;
}
