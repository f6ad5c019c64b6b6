using k8s;
using k8s.Models;

namespace AwsIntegrations.IngressController.Targets;

/// <summary>Which targets the target groups should hold: instance ids of ready, schedulable nodes, or IPs of ready router pods.</summary>
public static class TargetSelection
{
    public static HashSet<string> FromNodes(IEnumerable<V1Node> nodes) =>
        nodes.Where(n => n.Spec?.Unschedulable != true && n.Metadata.DeletionTimestamp is null && IsTrue(n.Status?.Conditions, "Ready"))
            .Select(n => InstanceId(n.Spec?.ProviderID))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    public static HashSet<string> FromPods(IEnumerable<V1Pod> pods) =>
        pods.Where(p => p.Status?.Phase == "Running" && p.Metadata.DeletionTimestamp is null && p.Status.PodIP is { Length: > 0 }
                        && (p.Status.Conditions is null || IsTrue(p.Status.Conditions, "Ready")))
            .Select(p => p.Status!.PodIP!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>"aws:///eu-central-1a/i-0abc" → "i-0abc"; null for anything else.</summary>
    public static string? InstanceId(string? providerId)
    {
        if (providerId is null || !providerId.StartsWith("aws://", StringComparison.Ordinal))
        {
            return null;
        }

        var last = providerId[(providerId.LastIndexOf('/') + 1)..];
        return last.StartsWith("i-", StringComparison.Ordinal) ? last : null;
    }

    private static bool IsTrue(IList<V1NodeCondition>? conditions, string type) =>
        conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static bool IsTrue(IList<V1PodCondition>? conditions, string type) =>
        conditions?.Any(c => c.Type == type && c.Status == "True") == true;
}
