using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Autorest;
using k8s.Models;
using AwsIntegrations.NodeGate.Metrics;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// One pass over the gated nodes: decide each from the informer caches (<see cref="GatePlanner"/>), remove the taints that
/// are due (<see cref="TaintRemover"/>), tell the user with Events, and ask to run again when the next deadline comes.
/// </summary>
public sealed partial class NodeGateReconciler(
    SharedInformerFactory informers,
    GatePlanner planner,
    RequiredDaemonSets required,
    TaintRemover remover,
    EventRecorder events,
    NodeGateMetrics metrics,
    TimeProvider time,
    ILogger<NodeGateReconciler> logger) : IReconciler
{
    private readonly Informer<V1Node> _nodes = informers.GetInformer<V1Node>();
    private readonly Informer<V1DaemonSet> _daemonSets = informers.GetInformer<V1DaemonSet>();
    private readonly Informer<V1Pod> _pods = informers.GetInformer<V1Pod>();

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        // Deciding before every cache holds its first list would release nodes whose DaemonSets are merely not seen yet.
        await Task.WhenAll(_nodes.WaitForSyncAsync(cancellationToken), _daemonSets.WaitForSyncAsync(cancellationToken), _pods.WaitForSyncAsync(cancellationToken)).ConfigureAwait(false);

        var now = time.GetUtcNow();
        var requiredSets = required.From(_daemonSets.List());
        var waiting = 0;
        DateTimeOffset? nextDeadline = null;
        var failures = new List<string>();
        foreach (var node in _nodes.List().Where(planner.IsGated))
        {
            var since = node.Metadata.CreationTimestamp ?? now;
            var decision = planner.Decide(node, required.On(node, requiredSets), _pods.ByIndex(PodIndexes.ByNodeName, node.Metadata.Name!), since, now);
            if (decision.Action is GateAction.Wait or GateAction.Progress)
            {
                waiting++;
                nextDeadline = nextDeadline is { } d && d < decision.Deadline!.Value ? d : decision.Deadline;
                Log.Waiting(logger, node.Metadata.Name!, string.Join(", ", decision.Missing));
                if (decision.Action == GateAction.Wait)
                {
                    continue;
                }
            }

            try
            {
                var release = decision.Action is GateAction.Release or GateAction.ForceRelease;
                if (await remover.RemoveAsync(node, decision.Remove, release, cancellationToken).ConfigureAwait(false) is not null)
                {
                    Report(node, decision, now - since);
                }
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException)
            {
                failures.Add($"node {node.Metadata.Name}: {e.Message}");
                if (decision.Action == GateAction.ForceRelease)
                {
                    waiting++;
                }
            }
        }

        metrics.SetWaiting(waiting);
        var requeue = nextDeadline is { } next ? next - now + TimeSpan.FromMilliseconds(50) : (TimeSpan?)null;
        return failures.Count == 0 ? ReconcileResult.Success(requeue) : ReconcileResult.Failure(string.Join("; ", failures), requeue);
    }

    private void Report(V1Node node, GateDecision decision, TimeSpan elapsed)
    {
        var name = node.Metadata.Name!;
        var removed = string.Join(", ", decision.Remove);
        var taint = decision.Remove.Count == 1 ? $"taint {removed}" : $"taints {removed}";
        switch (decision.Action)
        {
            case GateAction.Release:
                metrics.Released("ready", elapsed);
                events.Normal(node, "StartupTaintRemoved", decision.Missing.Count == 0
                    ? $"Removed {taint}: all {decision.Expected} DaemonSets expected on this node have a Ready pod ({Seconds(elapsed)} after creation)"
                    : $"Removed {taint}: the DaemonSets they name have a Ready pod on this node ({Seconds(elapsed)} after creation); no taint held it for {string.Join(", ", decision.Missing)}");
                Log.Released(logger, name, removed, decision.Expected, elapsed.TotalSeconds);
                break;
            case GateAction.Progress:
                events.Normal(node, "DaemonSetTaintRemoved", $"Removed {taint}: the DaemonSets they name have a Ready pod on this node, or are not expected on it; still waiting for {string.Join(", ", decision.Missing)}");
                Log.Progressed(logger, name, removed, string.Join(", ", decision.Missing));
                break;
            case GateAction.ForceRelease:
                var missing = string.Join(", ", decision.Missing);
                metrics.Released("forced", elapsed);
                events.Warning(node, "StartupTaintForceRemoved", $"Removed {taint} after max-wait ({Seconds(elapsed)} after creation) although these DaemonSets have no Ready pod on this node: {missing}");
                Log.ForceReleased(logger, name, removed, missing, elapsed.TotalSeconds);
                break;
            case GateAction.ReleaseAgain:
                metrics.Released("again", null);
                events.Normal(node, "StartupTaintRemoved", $"Removed {taint} again: this node was released before and is never gated twice");
                Log.ReleasedAgain(logger, name, removed);
                break;
            case GateAction.None:
            case GateAction.Wait:
            default:
                break;
        }
    }

    private static string Seconds(TimeSpan elapsed) => $"{Math.Max(0, (int)elapsed.TotalSeconds)}s";

    private static partial class Log
    {
        [LoggerMessage(7001, LogLevel.Debug, "node {Node} waits for DaemonSets {Missing}")]
        public static partial void Waiting(ILogger logger, string node, string missing);

        [LoggerMessage(7002, LogLevel.Information, "node {Node} released ({Taints} removed): all {Expected} expected DaemonSets Ready after {Seconds:F1}s")]
        public static partial void Released(ILogger logger, string node, string taints, int expected, double seconds);

        [LoggerMessage(7003, LogLevel.Warning, "node {Node} released after max-wait ({Seconds:F1}s, {Taints} removed) with DaemonSets not Ready: {Missing}")]
        public static partial void ForceReleased(ILogger logger, string node, string taints, string missing, double seconds);

        [LoggerMessage(7004, LogLevel.Warning, "node {Node} carried {Taints} again after its release; removed")]
        public static partial void ReleasedAgain(ILogger logger, string node, string taints);

        [LoggerMessage(7005, LogLevel.Information, "node {Node}: removed {Taints}; still waiting for DaemonSets {Missing}")]
        public static partial void Progressed(ILogger logger, string node, string taints, string missing);
    }
}
