using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>
/// The DaemonSet controller's NodeShouldRunDaemonPod: the template's nodeName, nodeSelector, required node affinity and
/// tolerations (plus the controller's default ones) against the node, with the startup taints left out — every daemon pod
/// would otherwise look unschedulable on a node that is still gated.
/// </summary>
public static class DaemonSetPlacement
{
    public static Placement Check(V1DaemonSet daemonSet, V1Node node, string ignoredTaintKey) =>
        Check(daemonSet, node, key => key == ignoredTaintKey);

    /// <param name="isStartupTaint">The taints left out: those that hold the node until its DaemonSets are Ready.</param>
    public static Placement Check(V1DaemonSet daemonSet, V1Node node, Func<string?, bool> isStartupTaint)
    {
        ArgumentNullException.ThrowIfNull(isStartupTaint);
        var template = daemonSet.Spec?.Template?.Spec;
        if (template is null)
        {
            return Placement.No("the DaemonSet has no pod template");
        }

        if (template.NodeName is { Length: > 0 } pinned && pinned != node.Metadata.Name)
        {
            return Placement.No($"its template is pinned to node {pinned}");
        }

        if (!NodeAffinityMatcher.NodeSelectorMatches(template.NodeSelector, node))
        {
            return Placement.No("its nodeSelector does not match the node's labels");
        }

        if (!NodeAffinityMatcher.RequiredAffinityMatches(template.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution, node))
        {
            return Placement.No("its required node affinity does not match the node");
        }

        var taints = (node.Spec?.Taints ?? []).Where(t => !isStartupTaint(t.Key));
        return TaintToleration.FirstUntolerated(taints, DaemonPodTolerations.For(template)) is { } taint
            ? Placement.No($"it does not tolerate the node's taint {taint.Key}={taint.Value}:{taint.Effect}")
            : Placement.Yes;
    }
}
