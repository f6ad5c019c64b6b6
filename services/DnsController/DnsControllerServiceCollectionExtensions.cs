using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Apply;
using AwsIntegrations.DnsController.Controller;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Metrics;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Registry;
using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Hosting;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.DnsController;

public static class DnsControllerServiceCollectionExtensions
{
    /// <summary>The DnsController: Ingresses and Services watched, Route 53 and ELBv2 clients, one leader-gated loop (or --once).</summary>
    public static void AddDnsController(this ServiceHostBuilder<DnsControllerOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Options;
        var services = host.AddKubernetesFor(options.Kubernetes);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Aws));
        services.AddAwsIntegrations();
        services.AddSingleton<DnsMetrics>();
        services.AddSingleton(sp => new InformerSources(sp.GetRequiredService<SharedInformerFactory>(), options, sp.GetRequiredService<ILogger<InformerSources>>()));
        services.AddSingleton<ISourceProvider>(sp => sp.GetRequiredService<InformerSources>());
        services.AddDnsReconciler(options);
        services.AddController<DnsReconciler>(DnsControllerOptions.ServiceName, controller =>
        {
            var ns = string.IsNullOrEmpty(options.Namespace) ? null : options.Namespace;
            if (options.Sources.Contains(SourceKind.Ingress))
            {
                controller.Watch<V1Ingress>(ns, options.LabelFilter);
            }

            if (options.Sources.Contains(SourceKind.Service))
            {
                controller.Watch<V1Service>(ns, options.LabelFilter);
            }

            controller.WithLoop(options.Debounce, options.Interval)
                .WithLeaderElection(options.LeaderElection)
                .RunOnce(options.Once);
        });
    }

    /// <summary>
    /// The reconciler and its parts (read → desired state → plan → apply → report), from the options. Needs IRoute53Api,
    /// IElbV2Api, ISourceProvider, EventRecorder, TimeProvider, DnsMetrics and logging; a LeadershipTerm when there is one.
    /// </summary>
    public static IServiceCollection AddDnsReconciler(this IServiceCollection services, DnsControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(options);
        services.AddSingleton(ZoneFilter.From(options));
        services.AddSingleton(TxtNameMapper.From(options));
        services.AddSingleton(RecordSettings.From(options));
        services.AddSingleton(sp => new PlanSettings(options.TxtOwnerId, options.Policy, sp.GetRequiredService<TxtNameMapper>()) { Scope = sp.GetRequiredService<ZoneFilter>() });
        services.AddSingleton<ZoneInventory>();
        services.AddSingleton<LoadBalancerInventory>();
        services.AddSingleton<InventoryReader>();
        services.AddSingleton<BuiltSources>();
        services.AddSingleton<BatchSender>();
        services.AddSingleton<Applier>();
        services.TryAddSingleton(sp => new ProblemReporter(sp.GetRequiredService<EventRecorder>(), sp.GetRequiredService<ILogger<ProblemReporter>>()));
        services.AddSingleton<PassReporter>();
        services.AddSingleton<DnsReconciler>();
        return services;
    }
}
