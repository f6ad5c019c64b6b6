using System.Diagnostics.Metrics;
using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Leadership;
using DnsController.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DnsController.Controller;

public static class DnsControllerServices
{
    public const string Name = "dns-controller";

    public static IServiceCollection AddDnsController(this IServiceCollection services, DnsControllerOptions options, OnceResult once)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddKubernetes(options.Kubernetes);
        services.AddKubernetesEvents(Name);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Aws));
        services.AddAwsIntegrations();
        if (options.LeaderElection.LeaderElect && !options.Once)
        {
            services.AddKubernetesLeaderElection(options.LeaderElection.ForLease(Name));
        }
        else
        {
            services.AddSingleton<ILeadershipGate>(AlwaysLeader.Instance);
        }

        services.AddSingleton(sp => new LeadershipEpochGate(sp.GetRequiredService<ILeadershipGate>()));
        services.AddSingleton(sp => new DnsMetrics(sp.GetService<IMeterFactory>()));
        services.AddSingleton<TriggerRelay>();
        services.AddSingleton(once);
        services.AddSingleton(sp => new InformerSources(sp.GetRequiredService<SharedInformerFactory>(), options, sp.GetRequiredService<TriggerRelay>().Fire,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(Name)));
        services.AddSingleton<IObjectEvents>(sp => new KubernetesObjectEvents(sp.GetRequiredService<EventRecorder>()));
        services.AddSingleton(sp => new DnsReconciler(
            options,
            sp.GetRequiredService<IRoute53Api>(),
            sp.GetRequiredService<IElbV2Api>(),
            sp.GetRequiredService<InformerSources>(),
            sp.GetRequiredService<IObjectEvents>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(Name),
            sp.GetRequiredService<DnsMetrics>(),
            sp.GetRequiredService<LeadershipEpochGate>()));
        if (options.Once)
        {
            services.AddHostedService<OnceRunner>();
            return services;
        }

        services.AddSingleton(sp => new ReconcileLoop(
            Name,
            sp.GetRequiredService<DnsReconciler>().ReconcileAsync,
            new ReconcileLoopOptions { Debounce = options.Debounce, ResyncInterval = options.Interval, RequiresLeadership = true },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<LeadershipEpochGate>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(Name),
            sp.GetService<IMeterFactory>()));
        services.AddHostedService<SourceWatcher>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ReconcileLoop>());
        return services;
    }
}
