using AwsIntegrations.Hosting;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.NodeGate.Gate;
using AwsIntegrations.NodeGate.Metrics;
using AwsIntegrations.NodeGate.Options;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;

namespace AwsIntegrations.NodeGate;

public static class NodeGateServiceCollectionExtensions
{
    /// <summary>NodeGate: nodes, DaemonSets and their pods watched, one leader-gated loop releasing the nodes whose DaemonSets are ready.</summary>
    public static void AddNodeGate(this ServiceHostBuilder<NodeGateOptions> host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var options = host.Options;
        var services = host.AddKubernetesFor(options.Kubernetes);
        services.AddSingleton<NodeGateMetrics>();
        services.AddSingleton(new GateTaints(options.TaintKey, options.Config?.TaintNamePrefix));
        services.AddSingleton(sp => new GatePlanner(sp.GetRequiredService<GateTaints>(), options.MaxWait, options.Config?.TaintRemovalDelay ?? TimeSpan.Zero));
        services.AddSingleton(new RequiredDaemonSets(options.Selector, options.Config?.DaemonSets ?? [], options.Config?.NodeSelector));
        services.AddSingleton(sp => new TaintRemover(sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<GateTaints>(), sp.GetRequiredService<TimeProvider>()));
        services.AddController<NodeGateReconciler>(NodeGateOptions.ServiceName, controller => controller
            .Watch<V1Node>(deletes: false)
            .Watch<V1DaemonSet>()
            .Watch<V1Pod>(predicate: IsBoundDaemonPod, deletes: false)
            .WithLoop(debounce: TimeSpan.FromMilliseconds(200), resyncInterval: options.ResyncInterval)
            .WithLeaderElection(options.LeaderElection));
    }

    /// <summary>Only pods bound to a node can release one; the rest of the cluster's pod churn is ignored.</summary>
    private static bool IsBoundDaemonPod(V1Pod pod) =>
        pod.Spec?.NodeName is { Length: > 0 } && (pod.Metadata.OwnerReferences ?? []).Any(o => o.Kind == "DaemonSet");
}
