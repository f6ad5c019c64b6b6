using AwsIntegrations.Aws;
using AwsIntegrations.Hosting;
using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
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
        var services = host.Services;
        options.Aws.Validate();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Aws));
        services.AddAwsIntegrations();
        services.AddKubernetes(options.Kubernetes);
        services.AddKubernetesEvents(IngressControllerOptions.ServiceName);
        services.AddSingleton<IngressMetrics>();
        services.AddSingleton(sp => new ClusterView(sp.GetRequiredService<SharedInformerFactory>(), options));
        services.AddSingleton(sp => new IngressReconciler(
            sp.GetRequiredService<IElbV2Api>(), sp.GetRequiredService<IEc2Api>(), sp.GetRequiredService<IAcmApi>(),
            sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<ClusterView>(), sp.GetRequiredService<EventRecorder>(),
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IngressMetrics>(), sp.GetService<ILogger<IngressReconciler>>(),
            sp.GetRequiredService<IWafv2Api>()));
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
}
