using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting;
using AwsIntegrations.Hosting.Health;
using AwsIntegrations.Hosting.Leadership;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using AwsIntegrations.NodeGate.Gate;
using AwsIntegrations.NodeGate.Metrics;
using AwsIntegrations.NodeGate.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.NodeGate;

public static partial class NodeGateServiceCollection
{
    /// <summary>Wires informers (nodes, DaemonSets, pods) to one leader-gated reconcile loop.</summary>
    public static void AddNodeGate(this ServiceHostBuilder<NodeGateOptions> host)
    {
        var options = host.Options;
        var services = host.Services;
        services.AddKubernetes(options.Kubernetes);
        services.AddKubernetesEvents(NodeGateOptions.ServiceName);
        if (options.LeaderElect)
        {
            services.AddKubernetesLeaderElection(options.LeaderElection);
        }
        else
        {
            services.AddSingleton<ILeadershipGate>(AlwaysLeader.Instance);
        }

        services.AddSingleton(sp => new NodeGateMetrics(sp.GetService<IMeterFactory>()));
        services.AddSingleton(sp => CreateLoop(sp, options));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ReconcileLoop>());
        host.OnBuilt(app =>
        {
            var factory = app.Services.GetRequiredService<SharedInformerFactory>();
            app.Services.GetRequiredService<ReadinessState>().AddCheck("informers-synced", () => factory.HasSynced);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("node-gate");
            foreach (var ignored in options.Config?.Ignored ?? [])
            {
                LogIgnoredConfigKey(logger, options.ConfigFile!, ignored);
            }

            if (options.DisableCompression is not null)
            {
                LogIgnoredFlag(logger, "--disable-compression", "NodeGate's Kubernetes client never asks for compressed answers");
            }
        });
    }

    private static ReconcileLoop CreateLoop(IServiceProvider sp, NodeGateOptions options)
    {
        var factory = sp.GetRequiredService<SharedInformerFactory>();
        var client = sp.GetRequiredService<IKubernetes>();
        var time = sp.GetRequiredService<TimeProvider>();
        var loggers = sp.GetRequiredService<ILoggerFactory>();
        var nodes = factory.GetInformer<V1Node>();
        var daemonSets = factory.GetInformer<V1DaemonSet>();
        var pods = factory.GetInformer<V1Pod>();
        var config = options.Config;
        var taints = new GateTaints(options.TaintKey, config?.TaintNamePrefix);
        var reconciler = new NodeGateReconciler(
            nodes, daemonSets, pods,
            new GatePlanner(taints, options.MaxWait, config?.TaintRemovalDelay ?? TimeSpan.Zero),
            new RequiredDaemonSets(options.Selector, config?.DaemonSets ?? [], config?.NodeSelector),
            new TaintRemover(client, taints, time),
            sp.GetRequiredService<EventRecorder>(),
            sp.GetRequiredService<NodeGateMetrics>(),
            time,
            loggers.CreateLogger("node-gate"));
        var loop = new ReconcileLoop(
            "node-gate",
            reconciler.ReconcileAsync,
            new ReconcileLoopOptions { RequiresLeadership = true, ResyncInterval = options.ResyncInterval, Debounce = TimeSpan.FromMilliseconds(200) },
            time,
            sp.GetRequiredService<ILeadershipGate>(),
            loggers.CreateLogger("node-gate.loop"),
            sp.GetService<IMeterFactory>());
        nodes.AddHandler(new InformerHandler<V1Node>(_ => loop.Trigger(), (_, _) => loop.Trigger(), null));
        daemonSets.AddHandler(new InformerHandler<V1DaemonSet>(_ => loop.Trigger(), (_, _) => loop.Trigger(), _ => loop.Trigger()));
        pods.AddHandler(new InformerHandler<V1Pod>(p => TriggerIfBound(p, loop), (_, p) => TriggerIfBound(p, loop), null));
        return loop;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "--config-file {File}: {Problem}; ignored")]
    private static partial void LogIgnoredConfigKey(ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "{Flag} is accepted for nidhogg's manifests and ignored: {Reason}")]
    private static partial void LogIgnoredFlag(ILogger logger, string flag, string reason);

    /// <summary>Only pods bound to a node can release one; the rest of the cluster's pod churn is ignored.</summary>
    private static void TriggerIfBound(V1Pod pod, ReconcileLoop loop)
    {
        if (pod.Spec?.NodeName is { Length: > 0 } && (pod.Metadata.OwnerReferences ?? []).Any(o => o.Kind == "DaemonSet"))
        {
            loop.Trigger();
        }
    }
}
