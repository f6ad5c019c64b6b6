using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>core/v1 Toleration.ToleratesTaint and the scheduler's TaintToleration filter.</summary>
public static class TaintToleration
{
    public const string NoSchedule = "NoSchedule";
    public const string NoExecute = "NoExecute";

    public static bool Tolerates(V1Toleration toleration, V1Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
        {
            return false;
        }

        return toleration.OperatorProperty switch
        {
            null or "" or "Equal" => (toleration.Value ?? "") == (taint.Value ?? ""),
            "Exists" => true,
            _ => false,
        };
    }

    /// <summary>The first NoSchedule or NoExecute taint no toleration covers (PreferNoSchedule never keeps a pod off), or null.</summary>
    public static V1Taint? FirstUntolerated(IEnumerable<V1Taint> taints, IReadOnlyList<V1Toleration> tolerations) =>
        taints.FirstOrDefault(taint => taint.Effect is NoSchedule or NoExecute && !tolerations.Any(t => Tolerates(t, taint)));
}
