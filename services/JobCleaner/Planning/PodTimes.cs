using k8s;
using k8s.Models;

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>Which Job a pod belongs to, whether it finished, and when. Pure reads of its metadata and status.</summary>
public static class PodTimes
{
    /// <summary>Set on Job pods by the Job controller; kept after the GC orphans the pod and strips its ownerReferences.</summary>
    public static IReadOnlyList<string> JobUidLabels { get; } = ["batch.kubernetes.io/controller-uid", "controller-uid"];

    public static bool IsFinished(V1Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    /// <summary>status.reason (Evicted, Preempting, …).</summary>
    public static string? Reason(V1Pod pod) => pod.Status?.Reason;

    /// <summary>The uid of the Job that created the pod: its controller ownerReference, else the Job controller's labels; null for other pods.</summary>
    public static string? JobUid(V1Pod pod)
    {
        var owner = pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == "Job" && o.ApiVersion.StartsWith("batch/", StringComparison.Ordinal));
        if (owner is not null)
        {
            return owner.Uid;
        }

        if (pod.Metadata.OwnerReferences?.Any(o => o.Controller == true) == true)
        {
            return null;
        }

        return JobUidLabels.Select(pod.GetLabel).FirstOrDefault(v => !string.IsNullOrEmpty(v));
    }

    /// <summary>The name of the Job that created the pod, to look it up before deleting the pod.</summary>
    public static string? JobName(V1Pod pod) =>
        pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == "Job")?.Name
        ?? pod.GetLabel("batch.kubernetes.io/job-name")
        ?? pod.GetLabel("job-name");

    /// <summary>
    /// The latest finishedAt of its containers (init containers too; current or last state), as kube-job-cleaner measures;
    /// else when Ready turned False, then startTime, then creationTimestamp.
    /// </summary>
    public static DateTimeOffset? Finished(V1Pod pod)
    {
        DateTimeOffset? latest = null;
        foreach (var status in (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []))
        {
            foreach (var state in new[] { status.State, status.LastState })
            {
                if (state?.Terminated?.FinishedAt is { } at && (latest is null || at > latest))
                {
                    latest = at;
                }
            }
        }

        return latest
            ?? pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready" && c.Status == "False")?.LastTransitionTime
            ?? pod.Status?.StartTime
            ?? pod.Metadata.CreationTimestamp;
    }
}
