using k8s;
using k8s.Models;

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>
/// Decides about one finished pod for the pod sweep. A pod created by a Job that no longer exists goes after the same age
/// as its Job would have (succeeded or failed): --delete-orphan-pods. With <c>anyOwner</c> (--delete-finished-pods,
/// kube-job-cleaner's sweep) every other finished pod goes after that age too, whoever owns it. Pods of Jobs that still
/// exist go with their Job. Returns null for pods the sweep does not consider at all.
/// </summary>
public static class FinishedPodPlanner
{
    public static Decision? Decide(V1Pod pod, Func<string, bool> jobExists, ResolvedPolicy resolved, bool anyOwner, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(jobExists);
        if (!PodTimes.IsFinished(pod))
        {
            return null;
        }

        var jobUid = PodTimes.JobUid(pod);
        if (jobUid is not null ? jobExists(jobUid) : !anyOwner)
        {
            return null;
        }

        if (JobPlanner.Kept(pod, resolved) is { } kept)
        {
            return kept;
        }

        var phase = pod.Status!.Phase!.ToLowerInvariant();
        var (reason, what) = jobUid is not null ? (DeleteReason.Orphan, ", its Job is gone") : (DeleteReason.Finished, "");
        if (PodTimes.Reason(pod) == "Preempting")
        {
            // cleaner.py pod_expired: "preempting pods don't have any container information, so let's remove them immediately".
            return Decision.Remove(DeleteReason.Preempted, $"{phase}, preempted{what}");
        }

        var policy = resolved.Policy!;
        var limit = pod.Status.Phase == "Succeeded" ? policy.SucceededAge : policy.FailedAge;
        if (PodTimes.Finished(pod) is not { } finished)
        {
            return Decision.Keep(SkipReason.NotDue, "no time to age from");
        }

        var age = now - finished;
        return age > limit
            ? Decision.Remove(reason, $"{phase} {JobPlanner.Text(age)} ago{what}, older than {JobPlanner.Text(limit)}")
            : Decision.Keep(SkipReason.NotDue, $"{phase} {JobPlanner.Text(age)} ago{what}, due after {JobPlanner.Text(limit)}");
    }
}
