using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>The tolerations the DaemonSet controller adds to every daemon pod (AddOrUpdateDaemonPodTolerations).</summary>
public static class DaemonPodTolerations
{
    private static readonly V1Toleration[] Always =
    [
        Exists("node.kubernetes.io/not-ready", TaintToleration.NoExecute),
        Exists("node.kubernetes.io/unreachable", TaintToleration.NoExecute),
        Exists("node.kubernetes.io/disk-pressure", TaintToleration.NoSchedule),
        Exists("node.kubernetes.io/memory-pressure", TaintToleration.NoSchedule),
        Exists("node.kubernetes.io/pid-pressure", TaintToleration.NoSchedule),
        Exists("node.kubernetes.io/unschedulable", TaintToleration.NoSchedule),
    ];

    private static readonly V1Toleration HostNetwork = Exists("node.kubernetes.io/network-unavailable", TaintToleration.NoSchedule);

    /// <summary>The template's own tolerations plus the controller's defaults.</summary>
    public static IReadOnlyList<V1Toleration> For(V1PodSpec template) =>
        [.. template.Tolerations ?? [], .. Always, .. template.HostNetwork == true ? [HostNetwork] : Array.Empty<V1Toleration>()];

    private static V1Toleration Exists(string key, string effect) => new() { Key = key, OperatorProperty = "Exists", Effect = effect };
}
