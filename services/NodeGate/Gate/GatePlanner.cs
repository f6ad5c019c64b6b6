using k8s;
using k8s.Models;
using AwsIntegrations.NodeGate.Scheduling;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// The pure decision for one node: wait, remove what can go, release, or release anyway after max-wait. Our taint goes when
/// every DaemonSet expected on the node has a Ready pod there; each of nidhogg's taints goes when the DaemonSet it names does
/// (uswitch/nidhogg handler.go calculateTaints), or at once when that DaemonSet is not expected there (no longer listed,
/// gone, outside the config's nodeSelector, or it would not run on the node). A pod counts as Ready once it has been Ready
/// for <paramref name="readyDelay"/> (pelotech/nidhogg's taintRemovalDelayInSeconds).
/// </summary>
public sealed class GatePlanner(GateTaints taints, TimeSpan maxWait, TimeSpan readyDelay)
{
    public GatePlanner(string taintKey, TimeSpan maxWait)
        : this(new GateTaints(taintKey, null), maxWait, TimeSpan.Zero)
    {
    }

    public GateTaints Taints => taints;

    public string TaintKey => taints.OwnKey;

    public bool IsGated(V1Node node) => (node.Spec?.Taints ?? []).Any(t => taints.IsGating(t.Key));

    /// <param name="required">The DaemonSets selected by flags or config for this node (whether or not they would run on it).</param>
    /// <param name="podsOnNode">Pods bound to this node.</param>
    /// <param name="waitingSince">When the node started waiting (its creation time).</param>
    public GateDecision Decide(V1Node node, IEnumerable<V1DaemonSet> required, IReadOnlyCollection<V1Pod> podsOnNode, DateTimeOffset waitingSince, DateTimeOffset now)
    {
        var gating = (node.Spec?.Taints ?? []).Select(t => t.Key).Where(taints.IsGating).Distinct().Select(k => k!).ToList();
        if (gating.Count == 0)
        {
            return GateDecision.None;
        }

        if (WasReleased(node))
        {
            return new GateDecision(GateAction.ReleaseAgain, [], 0, null) { Remove = gating };
        }

        var expected = required.Where(ds => DaemonSetPlacement.Check(ds, node, taints.IsGating).Runs).ToList();
        var missing = new List<V1DaemonSet>();
        DateTimeOffset? readyLater = null;
        foreach (var daemonSet in expected)
        {
            var since = podsOnNode
                .Where(p => DaemonPods.IsOwnedBy(p, daemonSet) && DaemonPods.IsFromThisNode(p, node))
                .Select(DaemonPods.ReadySince)
                .Min();
            if (since is null)
            {
                missing.Add(daemonSet);
            }
            else if (since.Value > now - readyDelay)
            {
                // Ready, but not for taintRemovalDelayInSeconds yet: look again when it will have been.
                missing.Add(daemonSet);
                var due = since.Value + readyDelay;
                readyLater = readyLater is { } earlier && earlier < due ? earlier : due;
            }
        }

        var names = missing.Select(Name).ToList();
        var deadline = waitingSince + maxWait;
        if (missing.Count > 0 && now >= deadline)
        {
            return new GateDecision(GateAction.ForceRelease, names, expected.Count, deadline) { Remove = gating };
        }

        var removable = gating.Where(key => taints.IsOwn(key) ? missing.Count == 0 : !HoldsFor(key, expected, missing)).ToList();
        var next = missing.Count == 0 ? (DateTimeOffset?)null : readyLater is { } ready && ready < deadline ? ready : deadline;
        return removable.Count == gating.Count ? new GateDecision(GateAction.Release, [], expected.Count, null) { Remove = gating }
            : removable.Count > 0 ? new GateDecision(GateAction.Progress, names, expected.Count, next) { Remove = removable }
            : new GateDecision(GateAction.Wait, names, expected.Count, next);
    }

    /// <summary>
    /// Released before: by us, or (with a nidhogg config file) by nidhogg, whose annotation says the node was once free of its
    /// taints. Such a node is never gated again.
    /// </summary>
    public bool WasReleased(V1Node node) =>
        node.GetAnnotation(GateAnnotations.Released) is not null
        || (taints.NidhoggPrefix is { } prefix
            && (node.GetAnnotation(GateAnnotations.NidhoggFirstTimeReady) is not null || node.GetAnnotation(GateAnnotations.NidhoggReadySince(prefix)) is not null));

    /// <summary>Whether a nidhogg taint still holds: it names an expected DaemonSet that has no Ready pod on the node yet.</summary>
    private bool HoldsFor(string key, List<V1DaemonSet> expected, List<V1DaemonSet> missing) =>
        taints.DaemonSetOf(key) is { } named
        && expected.FirstOrDefault(ds => ds.Metadata.NamespaceProperty == named.Namespace && ds.Metadata.Name == named.Name) is { } daemonSet
        && missing.Contains(daemonSet);

    private static string Name(V1DaemonSet daemonSet) => $"{daemonSet.Metadata.NamespaceProperty}/{daemonSet.Metadata.Name}";
}
