using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Gate;

public static class DaemonPods
{
    /// <summary>A pod the DaemonSet controls (owner uid, not just name: a recreated DaemonSet's old pods do not count).</summary>
    public static bool IsOwnedBy(V1Pod pod, V1DaemonSet daemonSet) =>
        pod.Metadata.NamespaceProperty == daemonSet.Metadata.NamespaceProperty
        && (pod.Metadata.OwnerReferences ?? []).Any(o => o.Kind == "DaemonSet" && o.Uid == daemonSet.Metadata.Uid);

    /// <summary>
    /// A pod created before the node object cannot belong to it: it is a leftover of an earlier node with the same name
    /// (nidhogg#30: preempted nodes came back with stale "Ready" DaemonSet pods). Timestamps have second precision.
    /// </summary>
    public static bool IsFromThisNode(V1Pod pod, V1Node node) =>
        pod.Metadata.CreationTimestamp is not { } created || node.Metadata.CreationTimestamp is not { } registered || created >= registered;

    /// <summary>PodReady is True and the pod is not being deleted.</summary>
    public static bool IsReady(V1Pod pod) => ReadySince(pod) is not null;

    /// <summary>
    /// When a Ready pod became Ready (its Ready condition's lastTransitionTime; <see cref="DateTimeOffset.MinValue"/> when the
    /// kubelet wrote none), or null when it is not Ready or is being deleted.
    /// </summary>
    public static DateTimeOffset? ReadySince(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null
        && (pod.Status?.Conditions ?? []).FirstOrDefault(c => c.Type == "Ready" && c.Status == "True") is { } ready
            ? ready.LastTransitionTime ?? DateTimeOffset.MinValue
            : null;
}
