using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Tests.Client;

/// <summary>Mistakes a caller can make are reported before anything is sent.</summary>
public sealed class KubernetesClientInputTests : EmulatorTest
{
    [Fact]
    public async Task UpdateAsync_ObjectWithoutName_ThrowsArgumentException()
    {
        var pod = NewPod("x");
        pod.Metadata.Name = null;

        var act = () => Client.UpdateAsync(pod);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*metadata.name*");
        Kube.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task GetAsync_NamespacedKindWithoutNamespace_ThrowsArgumentException()
    {
        var act = () => Client.GetAsync<Pod>(null, "web");

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*Pod is namespaced*");
    }

    [Fact]
    public async Task GetAsync_UnregisteredKind_ThrowsNamingTheRegistration()
    {
        var act = () => Client.GetAsync<Unregistered>("default", "x");

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Unregistered is not a registered Kubernetes kind*");
    }

    [Fact]
    public async Task Request_ServerSlowerThanTheTimeout_FailsAfterRetries_AndWorksOnceFast()
    {
        SeedPod("web", "10.0.0.1");
        using var client = NewClient(Settings with { RequestTimeout = TimeSpan.FromMilliseconds(100), MaxRetries = 1 });
        Kube.Faults.Delay = TimeSpan.FromMilliseconds(600);

        var slow = () => client.GetAsync<Pod>("default", "web");
        await slow.Should().ThrowAsync<HttpRequestException>();
        Kube.Faults.Clear();

        (await client.GetAsync<Pod>("default", "web")).Metadata.Name.Should().Be("web");
    }

    [Fact]
    public async Task GetAsync_NameWithASlash_IsEscaped_AndIsNotFound()
    {
        var act = () => Client.GetAsync<Pod>("default", "a/b");

        await act.Should().ThrowAsync<KubernetesNotFoundException>();
    }

    private sealed class Unregistered : KubernetesObject;
}
