using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.NodeGate.Gate;

public static class DaemonPods
{
    /// <summary>A pod the DaemonSet controls (owner uid, not just name: a recreated DaemonSet's old pods do not count).</summary>
    public static bool IsOwnedBy(Pod pod, DaemonSet daemonSet) =>
        pod.Metadata.Namespace == daemonSet.Metadata.Namespace
        && (pod.Metadata.OwnerReferences ?? []).Any(o => o.Kind == "DaemonSet" && o.Uid == daemonSet.Metadata.Uid);

    /// <summary>PodReady is True and the pod is not being deleted.</summary>
    public static bool IsReady(Pod pod) =>
        pod.Metadata.DeletionTimestamp is null
        && (pod.Status?.Conditions ?? []).Any(c => c.Type == "Ready" && c.Status == "True");
}
