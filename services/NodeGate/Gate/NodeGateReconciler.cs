using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.NodeGate.Metrics;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// One pass over the gated nodes: decide each from the informer caches (<see cref="GatePlanner"/>), remove the taint where
/// due (<see cref="TaintRemover"/>), tell the user with Events, and ask to run again when the next max-wait runs out.
/// </summary>
public sealed partial class NodeGateReconciler(
    Informer<Node> nodes,
    Informer<DaemonSet> daemonSets,
    Informer<Pod> pods,
    GatePlanner planner,
    RequiredDaemonSets required,
    TaintRemover remover,
    EventRecorder events,
    NodeGateMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        // Deciding before every cache holds its first list would release nodes whose DaemonSets are merely not seen yet.
        await Task.WhenAll(nodes.WaitForSyncAsync(cancellationToken), daemonSets.WaitForSyncAsync(cancellationToken), pods.WaitForSyncAsync(cancellationToken)).ConfigureAwait(false);

        var now = time.GetUtcNow();
        var requiredSets = required.From(daemonSets.List());
        var waiting = 0;
        DateTimeOffset? nextDeadline = null;
        var failures = new List<string>();
        foreach (var node in nodes.List().Where(planner.IsGated))
        {
            var since = node.Metadata.CreationTimestamp ?? now;
            var decision = planner.Decide(node, requiredSets, pods.ByIndex(PodIndexes.ByNodeName, node.Metadata.Name!), since, now);
            if (decision.Action == GateAction.Wait)
            {
                waiting++;
                nextDeadline = nextDeadline is { } d && d < decision.Deadline!.Value ? d : decision.Deadline;
                Log.Waiting(logger, node.Metadata.Name!, string.Join(", ", decision.Missing));
                continue;
            }

            try
            {
                if (await remover.RemoveAsync(node, cancellationToken).ConfigureAwait(false) is not null)
                {
                    Report(node, decision, now - since);
                }
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or IOException)
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

    private void Report(Node node, GateDecision decision, TimeSpan elapsed)
    {
        var name = node.Metadata.Name!;
        var taint = planner.TaintKey;
        switch (decision.Action)
        {
            case GateAction.Release:
                metrics.Released("ready", elapsed);
                events.Normal(node, "StartupTaintRemoved", $"Removed taint {taint}: all {decision.Expected} DaemonSets expected on this node have a Ready pod ({Seconds(elapsed)} after creation)");
                Log.Released(logger, name, decision.Expected, elapsed.TotalSeconds);
                break;
            case GateAction.ForceRelease:
                var missing = string.Join(", ", decision.Missing);
                metrics.Released("forced", elapsed);
                events.Warning(node, "StartupTaintForceRemoved", $"Removed taint {taint} after max-wait ({Seconds(elapsed)} after creation) although these DaemonSets have no Ready pod on this node: {missing}");
                Log.ForceReleased(logger, name, missing, elapsed.TotalSeconds);
                break;
            case GateAction.ReleaseAgain:
                metrics.Released("again", null);
                events.Normal(node, "StartupTaintRemoved", $"Removed taint {taint} again: this node was released before and is never gated twice");
                Log.ReleasedAgain(logger, name);
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
        [LoggerMessage(1, LogLevel.Debug, "node {Node} waits for DaemonSets {Missing}")]
        public static partial void Waiting(ILogger logger, string node, string missing);

        [LoggerMessage(2, LogLevel.Information, "node {Node} released: all {Expected} expected DaemonSets Ready after {Seconds:F1}s")]
        public static partial void Released(ILogger logger, string node, int expected, double seconds);

        [LoggerMessage(3, LogLevel.Warning, "node {Node} released after max-wait ({Seconds:F1}s) with DaemonSets not Ready: {Missing}")]
        public static partial void ForceReleased(ILogger logger, string node, string missing, double seconds);

        [LoggerMessage(4, LogLevel.Warning, "node {Node} carried the startup taint again after its release; removed it")]
        public static partial void ReleasedAgain(ILogger logger, string node);
    }
}
