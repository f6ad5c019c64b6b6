using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Leadership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kubernetes;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connection (loaded from <paramref name="options"/> on first use), one <see cref="KubernetesClient"/>
    /// and one <see cref="SharedInformerFactory"/> per process.
    /// </summary>
    public static IServiceCollection AddKubernetes(this IServiceCollection services, KubernetesOptions options, InformerOptions? informerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(_ => KubernetesConfigLoader.Load(options));
        services.TryAddSingleton(sp => new KubernetesClient(sp.GetRequiredService<KubernetesConnection>(), new KubernetesClientSettings
        {
            Qps = options.KubeApiQps,
            Burst = options.KubeApiBurst,
            MeterFactory = sp.GetService<IMeterFactory>(),
            Time = sp.GetService<TimeProvider>() ?? TimeProvider.System,
        }));
        services.TryAddSingleton(sp => new SharedInformerFactory(sp.GetRequiredService<KubernetesClient>(), informerOptions, sp.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>Registers an <see cref="EventRecorder"/> that reports as <paramref name="component"/>.</summary>
    public static IServiceCollection AddKubernetesEvents(this IServiceCollection services, string component)
    {
        services.TryAddSingleton(sp => new EventRecorder(sp.GetRequiredService<KubernetesClient>(), new EventRecorderOptions(component), sp.GetService<ILogger<EventRecorder>>()));
        return services;
    }

    /// <summary>
    /// Registers a <see cref="LeaderElector"/> as the <see cref="ILeadershipGate"/> and as a hosted service (it releases the
    /// lease on stop). It gets a client of its own, outside the QPS limit, so a busy controller cannot starve its renewals.
    /// </summary>
    public static IServiceCollection AddKubernetesLeaderElection(this IServiceCollection services, LeaderElectionOptions options)
    {
        options.Validate();
        services.TryAddSingleton(sp =>
        {
            var client = new KubernetesClient(sp.GetRequiredService<KubernetesConnection>(), new KubernetesClientSettings
            {
                Qps = 0,
                MeterFactory = sp.GetService<IMeterFactory>(),
                Time = sp.GetService<TimeProvider>() ?? TimeProvider.System,
            });
            return new LeaderElector(client, options, sp.GetService<ILogger<LeaderElector>>(), ownsClient: true);
        });
        services.AddSingleton<ILeadershipGate>(sp => sp.GetRequiredService<LeaderElector>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<LeaderElector>());
        return services;
    }
}
