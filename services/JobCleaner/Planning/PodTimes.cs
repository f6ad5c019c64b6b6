using System.Globalization;
using System.Text.Json;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>Which Job a pod belongs to, whether it finished, and when. Pure reads of its metadata and status.</summary>
public static class PodTimes
{
    /// <summary>Set on Job pods by the Job controller; kept after the GC orphans the pod and strips its ownerReferences.</summary>
    public static IReadOnlyList<string> JobUidLabels { get; } = ["batch.kubernetes.io/controller-uid", "controller-uid"];

    public static bool IsFinished(Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    /// <summary>status.reason (Evicted, Preempting, …), kept among the status fields the model does not name.</summary>
    public static string? Reason(Pod pod) =>
        pod.Status?.Extra is { } extra && extra.TryGetValue("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null;

    /// <summary>The uid of the Job that created the pod: its controller ownerReference, else the Job controller's labels; null for other pods.</summary>
    public static string? JobUid(Pod pod)
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

        return JobUidLabels.Select(pod.Metadata.Label).FirstOrDefault(v => !string.IsNullOrEmpty(v));
    }

    /// <summary>The name of the Job that created the pod, to look it up before deleting the pod.</summary>
    public static string? JobName(Pod pod) =>
        pod.Metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == "Job")?.Name
        ?? pod.Metadata.Label("batch.kubernetes.io/job-name")
        ?? pod.Metadata.Label("job-name");

    /// <summary>
    /// The latest finishedAt of its containers (init containers too; current or last state), as kube-job-cleaner measures;
    /// else when Ready turned False, then startTime, then creationTimestamp.
    /// </summary>
    public static DateTimeOffset? Finished(Pod pod)
    {
        var extra = pod.Status?.Extra;
        DateTimeOffset? latest = null;
        foreach (var key in new[] { "containerStatuses", "initContainerStatuses" })
        {
            if (extra is null || !extra.TryGetValue(key, out var statuses) || statuses.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var status in statuses.EnumerateArray())
            {
                foreach (var state in new[] { "state", "lastState" })
                {
                    if (FinishedAt(status, state) is { } at && (latest is null || at > latest))
                    {
                        latest = at;
                    }
                }
            }
        }

        return latest
            ?? pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready" && c.Status == "False")?.LastTransitionTime
            ?? pod.Status?.StartTime
            ?? pod.Metadata.CreationTimestamp;
    }

    private static DateTimeOffset? FinishedAt(JsonElement status, string state) =>
        status.ValueKind == JsonValueKind.Object
        && status.TryGetProperty(state, out var s) && s.ValueKind == JsonValueKind.Object
        && s.TryGetProperty("terminated", out var terminated) && terminated.ValueKind == JsonValueKind.Object
        && terminated.TryGetProperty("finishedAt", out var finishedAt) && finishedAt.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(finishedAt.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
}
