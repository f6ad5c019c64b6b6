using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Leadership;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kubernetes;

public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configuration (loaded from <paramref name="options"/> on first use), one
    /// <see cref="KubernetesConnection"/> (and its KubernetesClient <see cref="IKubernetes"/>) and one
    /// <see cref="SharedInformerFactory"/> per process.
    /// </summary>
    /// <param name="configuration">Where the configuration comes from when not from the flags alone (Kube2Iam's --api-server);
    /// called again to renew the credentials after a 401.</param>
    public static IServiceCollection AddKubernetes(this IServiceCollection services, KubernetesOptions options, InformerOptions? informerOptions = null, Func<KubernetesClientConfiguration>? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = new ConfigurationSource(configuration ?? (() => KubernetesConfigLoader.Load(options)));
        services.TryAddSingleton(options);
        services.TryAddSingleton(source);
        services.TryAddSingleton(sp => sp.GetRequiredService<ConfigurationSource>().Load());
        services.TryAddSingleton(sp => new KubernetesConnection(
            sp.GetRequiredService<KubernetesClientConfiguration>(),
            new KubernetesClientSettings
            {
                Qps = options.KubeApiQps,
                Burst = options.KubeApiBurst,
                MeterFactory = sp.GetService<IMeterFactory>(),
                Time = sp.GetService<TimeProvider>() ?? TimeProvider.System,
            },
            reload: sp.GetRequiredService<ConfigurationSource>().Load));
        services.TryAddSingleton(sp => sp.GetRequiredService<KubernetesConnection>().Client);
        services.TryAddSingleton(sp => new SharedInformerFactory(sp.GetRequiredService<KubernetesConnection>(), informerOptions, sp.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>Registers an <see cref="EventRecorder"/> that reports as <paramref name="component"/>.</summary>
    public static IServiceCollection AddKubernetesEvents(this IServiceCollection services, string component)
    {
        services.TryAddSingleton(sp => new EventRecorder(sp.GetRequiredService<KubernetesConnection>(), new EventRecorderOptions(component), sp.GetService<ILogger<EventRecorder>>()));
        return services;
    }

    /// <summary>
    /// Registers a <see cref="LeaderElector"/> as the <see cref="ILeadershipGate"/> and as a hosted service (it releases the
    /// lease on stop). It gets a connection of its own, outside the QPS limit, so a busy controller cannot starve its renewals.
    /// </summary>
    internal static IServiceCollection AddKubernetesLeaderElection(this IServiceCollection services, LeaderElectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(sp => new LeaderElector(sp.CreateUnlimitedKubernetesConnection(), options, sp.GetService<ILogger<LeaderElector>>(), ownsClient: true));
        services.AddSingleton<ILeadershipGate>(sp => sp.GetRequiredService<LeaderElector>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<LeaderElector>());
        return services;
    }

    /// <summary>A second connection to the API server of <see cref="AddKubernetes"/>, outside its QPS limit (for the leader elector).</summary>
    public static KubernetesConnection CreateUnlimitedKubernetesConnection(this IServiceProvider services)
    {
        return new KubernetesConnection(
            services.GetRequiredService<KubernetesClientConfiguration>(),
            new KubernetesClientSettings
            {
                Qps = 0,
                MeterFactory = services.GetService<IMeterFactory>(),
                Time = services.GetService<TimeProvider>() ?? TimeProvider.System,
            },
            reload: services.GetRequiredService<ConfigurationSource>().Load);
    }

    private sealed record ConfigurationSource(Func<KubernetesClientConfiguration> Load);
}
