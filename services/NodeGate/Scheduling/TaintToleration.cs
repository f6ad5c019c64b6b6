using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>core/v1 Toleration.ToleratesTaint and the scheduler's TaintToleration filter.</summary>
public static class TaintToleration
{
    public const string NoSchedule = "NoSchedule";
    public const string NoExecute = "NoExecute";

    public static bool Tolerates(Toleration toleration, Taint taint)
    {
        if (!string.IsNullOrEmpty(toleration.Effect) && toleration.Effect != taint.Effect)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(toleration.Key) && toleration.Key != taint.Key)
        {
            return false;
        }

        return toleration.Operator switch
        {
            null or "" or "Equal" => (toleration.Value ?? "") == (taint.Value ?? ""),
            "Exists" => true,
            _ => false,
        };
    }

    /// <summary>The first NoSchedule or NoExecute taint no toleration covers (PreferNoSchedule never keeps a pod off), or null.</summary>
    public static Taint? FirstUntolerated(IEnumerable<Taint> taints, IReadOnlyList<Toleration> tolerations) =>
        taints.FirstOrDefault(taint => taint.Effect is NoSchedule or NoExecute && !tolerations.Any(t => Tolerates(t, taint)));
}
