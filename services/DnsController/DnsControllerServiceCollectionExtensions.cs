using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Controller;
using AwsIntegrations.DnsController.Metrics;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Hosting;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using k8s.Models;

namespace AwsIntegrations.DnsController;

public static class DnsControllerServiceCollectionExtensions
{
    /// <summary>The DnsController: Ingresses and Services watched, Route 53 and ELBv2 clients, one leader-gated loop (or --once).</summary>
    public static void AddDnsController(this ServiceHostBuilder<DnsControllerOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Options;
        var services = host.Services;
        services.AddKubernetes(options.Kubernetes);
        services.AddKubernetesEvents(DnsControllerOptions.ServiceName);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Aws));
        services.AddAwsIntegrations();
        services.AddSingleton<DnsMetrics>();
        services.AddSingleton(sp => new InformerSources(sp.GetRequiredService<SharedInformerFactory>(), options, sp.GetRequiredService<ILogger<InformerSources>>()));
        services.AddSingleton<ISourceProvider>(sp => sp.GetRequiredService<InformerSources>());
        services.AddSingleton<IObjectEvents>(sp => new KubernetesObjectEvents(sp.GetRequiredService<EventRecorder>()));
        services.AddSingleton(sp => new DnsReconciler(
            options,
            sp.GetRequiredService<IRoute53Api>(),
            sp.GetRequiredService<IElbV2Api>(),
            sp.GetRequiredService<ISourceProvider>(),
            sp.GetRequiredService<IObjectEvents>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(DnsControllerOptions.ServiceName),
            sp.GetRequiredService<DnsMetrics>(),
            sp.GetRequiredService<LeadershipTerm>()));
        services.AddController<DnsReconciler>(DnsControllerOptions.ServiceName, controller =>
        {
            var ns = string.IsNullOrEmpty(options.Namespace) ? null : options.Namespace;
            if (options.Sources.Contains("ingress"))
            {
                controller.Watch<V1Ingress>(ns, options.LabelFilter);
            }

            if (options.Sources.Contains("service"))
            {
                controller.Watch<V1Service>(ns, options.LabelFilter);
            }

            controller.WithLoop(options.Debounce, options.Interval)
                .WithLeaderElection(options.LeaderElection)
                .RunOnce(options.Once);
        });
    }
}
