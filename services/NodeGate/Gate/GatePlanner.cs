using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.NodeGate.Scheduling;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>The pure decision for one node: wait, release, or release anyway after max-wait.</summary>
public sealed class GatePlanner(string taintKey, TimeSpan maxWait)
{
    public string TaintKey => taintKey;

    public bool IsGated(Node node) => (node.Spec?.Taints ?? []).Any(t => t.Key == taintKey);

    /// <param name="required">The DaemonSets selected by flags or config (whether or not they would run on this node).</param>
    /// <param name="podsOnNode">Pods bound to this node.</param>
    /// <param name="waitingSince">When the node started waiting (its creation time).</param>
    public GateDecision Decide(Node node, IEnumerable<DaemonSet> required, IReadOnlyCollection<Pod> podsOnNode, DateTimeOffset waitingSince, DateTimeOffset now)
    {
        if (!IsGated(node))
        {
            return GateDecision.None;
        }

        if (node.Metadata.Annotation(GateAnnotations.Released) is not null)
        {
            return new GateDecision(GateAction.ReleaseAgain, [], 0, null);
        }

        var expected = required.Where(ds => DaemonSetPlacement.Check(ds, node, taintKey).Runs).ToList();
        var missing = expected
            .Where(ds => !podsOnNode.Any(p => DaemonPods.IsOwnedBy(p, ds) && DaemonPods.IsReady(p) && DaemonPods.IsFromThisNode(p, node)))
            .Select(ds => $"{ds.Metadata.Namespace}/{ds.Metadata.Name}")
            .ToList();
        var deadline = waitingSince + maxWait;
        return missing.Count == 0 ? new GateDecision(GateAction.Release, [], expected.Count, null)
            : now >= deadline ? new GateDecision(GateAction.ForceRelease, missing, expected.Count, deadline)
            : new GateDecision(GateAction.Wait, missing, expected.Count, deadline);
    }
}
