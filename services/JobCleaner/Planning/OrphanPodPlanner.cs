using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>
/// Decides about one pod for --delete-orphan-pods: a finished pod created by a Job that no longer exists goes after the
/// same age as its Job would have (succeeded or failed). Pods of live Jobs go with their Job; other pods are never touched.
/// Returns null for pods that are not orphan candidates at all.
/// </summary>
public static class OrphanPodPlanner
{
    public static Decision? Decide(Pod pod, Func<string, bool> jobExists, ResolvedPolicy resolved, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(jobExists);
        if (!PodTimes.IsFinished(pod) || PodTimes.JobUid(pod) is not { } jobUid || jobExists(jobUid))
        {
            return null;
        }

        if (JobPlanner.Kept(pod, resolved) is { } kept)
        {
            return kept;
        }

        var policy = resolved.Policy!;
        var limit = pod.Status!.Phase == "Succeeded" ? policy.SucceededAge : policy.FailedAge;
        if (PodTimes.Finished(pod) is not { } finished)
        {
            return Decision.Keep(SkipReason.NotDue, "no time to age from");
        }

        var age = now - finished;
        return age > limit
            ? Decision.Remove(DeleteReason.Orphan, $"{pod.Status.Phase!.ToLowerInvariant()} {JobPlanner.Text(age)} ago, its Job is gone, older than {JobPlanner.Text(limit)}")
            : Decision.Keep(SkipReason.NotDue, $"orphan, finished {JobPlanner.Text(age)} ago, due after {JobPlanner.Text(limit)}");
    }
}
