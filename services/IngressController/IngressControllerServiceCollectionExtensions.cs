using AwsIntegrations.Aws;
using AwsIntegrations.Hosting;
using AwsIntegrations.IngressController.Apply;
using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.IngressController;

public static class IngressControllerServiceCollectionExtensions
{
    /// <summary>The IngressController: Ingresses, IngressClasses and targets watched, AWS clients, one leader-gated loop.</summary>
    public static void AddIngressController(this ServiceHostBuilder<IngressControllerOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Options;
        options.Aws.Validate();
        var services = host.AddKubernetesFor(options.Kubernetes);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Aws));
        services.AddAwsIntegrations();
        services.AddSingleton<IngressMetrics>();
        services.AddSingleton(sp => new ClusterView(sp.GetRequiredService<SharedInformerFactory>(), options));
        services.AddIngressReconciler(options);
        services.AddController<IngressReconciler>(IngressControllerOptions.ServiceName, controller =>
        {
            controller.Watch<V1Ingress>().Watch<V1IngressClass>();
            if (options.TargetType == TargetType.Instance)
            {
                controller.Watch<V1Node>(labelSelector: options.TargetNodeSelector);
            }
            else
            {
                controller.Watch<V1Pod>(options.RouterNamespace, options.RouterPodSelector);
            }

            controller.WithLoop(options.Debounce, options.ResyncInterval)
                .WithLoopName("ingress")
                .WithLeaderElection(options.LeaderElection);
        });
    }

    /// <summary>
    /// The reconciler and its collaborators, from the AWS clients (web ACLs are kept when an <see cref="IWafv2Api"/> is
    /// registered), <see cref="IKubernetes"/>, the <see cref="ClusterView"/>, <see cref="IngressMetrics"/>, a
    /// <see cref="TimeProvider"/>, logging and, when registered, the <see cref="EventRecorder"/>.
    /// </summary>
    public static IServiceCollection AddIngressReconciler(this IServiceCollection services, IngressControllerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(Ownership.From(options));
        services.AddSingleton(LoadBalancerSettings.From(options));
        services.AddSingleton<InventoryReader>();
        services.AddSingleton<NetworkReader>();
        services.AddSingleton(sp => new CertificateCache(sp.GetRequiredService<IAcmApi>(), sp.GetRequiredService<TimeProvider>(), options.CertPollingInterval, CertificateFilter.From(options)));
        services.AddSingleton(sp => new AwsView(
            sp.GetRequiredService<InventoryReader>(), sp.GetRequiredService<NetworkReader>(), sp.GetService<IWafv2Api>() is { } waf ? new WebAclReader(waf) : null,
            sp.GetRequiredService<CertificateCache>(), sp.GetRequiredService<IngressMetrics>(), sp.GetRequiredService<TimeProvider>(), options));
        services.AddSingleton<DesiredStateBuilder>();
        services.AddSingleton(sp => new PassPlanner(sp.GetRequiredService<LoadBalancerSettings>(), webAcls: sp.GetService<IWafv2Api>() is not null));
        services.AddSingleton(sp => new Applier(
            sp.GetRequiredService<IElbV2Api>(), sp.GetService<IWafv2Api>(), sp.GetRequiredService<Ownership>(), options,
            sp.GetRequiredService<IngressMetrics>(), sp.GetRequiredService<ILogger<Applier>>()));
        services.AddSingleton<RefusalMemory>();
        services.AddSingleton<StatusWriter>();
        services.AddSingleton(sp => new ProblemReporter(sp.GetService<EventRecorder>(), sp.GetRequiredService<ILogger<IngressReconciler>>()));
        services.AddSingleton<PassReporter>();
        services.AddSingleton<IngressReconciler>();
        return services;
    }
}
