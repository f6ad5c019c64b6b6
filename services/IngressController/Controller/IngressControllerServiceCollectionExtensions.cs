using System.Diagnostics.Metrics;
using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Leadership;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.IngressController.Controller;

public static class IngressControllerServiceCollectionExtensions
{
    /// <summary>Everything the IngressController runs: clients, informers, leader election, the reconciler and its loop.</summary>
    public static IServiceCollection AddIngressController(this IServiceCollection services, IngressControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Aws.Validate();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options.Aws));
        services.AddAwsIntegrations();
        services.AddKubernetes(options.Kubernetes);
        services.AddKubernetesEvents(IngressControllerOptions.ServiceName);
        if (options.LeaderElection.LeaderElect)
        {
            services.AddKubernetesLeaderElection(options.LeaderElection.ForLease(IngressControllerOptions.ServiceName));
        }
        else
        {
            services.AddSingleton<ILeadershipGate>(AlwaysLeader.Instance);
        }

        services.AddSingleton(sp => new IngressMetrics(sp.GetService<IMeterFactory>()));
        services.AddSingleton(sp => new ClusterView(sp.GetRequiredService<SharedInformerFactory>(), options));
        services.AddSingleton(sp => new IngressReconciler(
            sp.GetRequiredService<IElbV2Api>(), sp.GetRequiredService<IEc2Api>(), sp.GetRequiredService<IAcmApi>(),
            sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<ClusterView>(), sp.GetRequiredService<EventRecorder>(),
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IngressMetrics>(), sp.GetService<ILogger<IngressReconciler>>(),
            sp.GetRequiredService<IWafv2Api>()));
        services.AddSingleton(sp =>
        {
            var reconciler = sp.GetRequiredService<IngressReconciler>();
            var loop = new ReconcileLoop("ingress", reconciler.ReconcileAsync, new ReconcileLoopOptions
            {
                Debounce = options.Debounce,
                ResyncInterval = options.ResyncInterval,
                RequiresLeadership = true,
            }, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILeadershipGate>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("ingress-loop"), sp.GetService<IMeterFactory>());
            foreach (var subscription in sp.GetRequiredService<ClusterView>().Subscribe(loop.Trigger))
            {
                _ = subscription; // informer handlers live as long as the process
            }

            return loop;
        });
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ReconcileLoop>());
        return services;
    }
}
