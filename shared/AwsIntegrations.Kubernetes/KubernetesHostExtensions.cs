using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Kubernetes.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AwsIntegrations.Kubernetes;

public static class KubernetesHostExtensions
{
    /// <summary>
    /// What every controller's composition starts with: the Kubernetes connection and shared informers from
    /// <paramref name="kubernetes"/>, and an Event recorder that reports as the service. Returns the services to add the rest to.
    /// </summary>
    public static IServiceCollection AddKubernetesFor<TOptions>(this ServiceHostBuilder<TOptions> host, KubernetesOptions kubernetes)
        where TOptions : ServiceOptions
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Services.AddKubernetes(kubernetes);
        host.Services.AddKubernetesEvents(host.ServiceName);
        return host.Services;
    }
}
