using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Leadership;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AwsIntegrations.Kubernetes.Tests;

public sealed class KubernetesServiceCollectionExtensionsTests : EmulatorTest
{
    [Fact]
    public async Task AddKubernetes_FromAKubeconfig_GivesAWorkingClientAndOneInformerFactory()
    {
        var kubeconfig = Kube.WriteKubeconfig(Path.GetTempFileName());
        var services = new ServiceCollection()
            .AddKubernetes(new KubernetesOptions { Kubeconfig = kubeconfig, KubeApiQps = 50, KubeApiBurst = 100 })
            .AddKubernetesEvents("test-service")
            .AddKubernetesLeaderElection(new LeaderElectionOptions { LeaseName = "svc-lock", Identity = "pod-a" });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IKubernetes>();
        var namespaces = await client.CoreV1.ListNamespaceAsync();

        namespaces.Items.Should().Contain(n => n.Metadata.Name == "kube-system");
        provider.GetRequiredService<KubernetesConnection>().BaseUri.Should().Be(Kube.BaseAddress);
        provider.GetRequiredService<KubernetesConnection>().Client.Should().BeSameAs(client);
        (await provider.GetRequiredService<KubernetesConnection>().ListAsync<V1Namespace>()).Items.Should().HaveCount(namespaces.Items.Count);
        provider.GetRequiredService<SharedInformerFactory>().Should().BeSameAs(provider.GetRequiredService<SharedInformerFactory>());
        provider.GetRequiredService<EventRecorder>().Should().NotBeNull();
        provider.GetRequiredService<ILeadershipGate>().Should().BeSameAs(provider.GetRequiredService<LeaderElector>());
        provider.GetServices<IHostedService>().Should().Contain(provider.GetRequiredService<LeaderElector>());
        File.Delete(kubeconfig);
    }
}
