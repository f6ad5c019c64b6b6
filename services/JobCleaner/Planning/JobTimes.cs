using k8s;
using k8s.Models;

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>When a Job finished, and how; when it started. Pure reads of its status.</summary>
public static class JobTimes
{
    /// <summary>
    /// A Job is finished when it has a Complete or Failed condition that is True (failed Jobs never get a completionTime, so
    /// kube-job-cleaner never aged them out), or a completionTime. Its age counts from that condition's time, then
    /// completionTime, then startTime, then creationTimestamp (a Job that failed before any pod started has no startTime).
    /// </summary>
    public static (JobOutcome Outcome, DateTimeOffset? At)? Finished(V1Job job)
    {
        var status = job.Status;
        var complete = Condition(status, "Complete");
        var failed = Condition(status, "Failed");
        if (failed is null && complete is null && status?.CompletionTime is null)
        {
            return null;
        }

        var outcome = failed is not null && complete is null ? JobOutcome.Failed : JobOutcome.Succeeded;
        var at = (outcome == JobOutcome.Failed ? failed : complete)?.LastTransitionTime ?? status?.CompletionTime ?? status?.StartTime ?? job.Metadata.CreationTimestamp;
        return (outcome, at);
    }

    /// <summary>
    /// kube-job-cleaner's "empty status" (cleaner.py job_expired: "this can happen if the image policy webhook prevents job
    /// pods from being created"): no startTime, no completionTime, no conditions, no pod counted. The Job controller sets
    /// startTime on its first sync, so a Job that stays like this never started; it is aged from its creationTimestamp.
    /// </summary>
    public static bool NeverStarted(V1Job job)
    {
        var status = job.Status;
        return status is null
            || (status.StartTime is null && status.CompletionTime is null && (status.Conditions is null || status.Conditions.Count == 0)
                && (status.Active ?? 0) == 0 && (status.Succeeded ?? 0) == 0 && (status.Failed ?? 0) == 0);
    }

    /// <summary>When the running time starts: startTime, else creationTimestamp (pods that never start still count).</summary>
    public static DateTimeOffset? Started(V1Job job) => job.Status?.StartTime ?? job.Metadata.CreationTimestamp;

    private static V1JobCondition? Condition(V1JobStatus? status, string type) =>
        status?.Conditions?.FirstOrDefault(c => c.Type == type && string.Equals(c.Status, "True", StringComparison.OrdinalIgnoreCase));
}
