using AwsIntegrations.Hosting.Options;
using k8s;
using k8s.Models;

namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>
/// Decides what happens to one Job, from the Job, its effective policy and the time; no I/O. The rules, in order: Jobs being
/// deleted, with a bad annotation, or opted out stay; finished Jobs go after their age unless the TTL controller or a CronJob
/// owns their cleanup; Jobs that never started (empty status) go after the failed age from their creation, as in
/// kube-job-cleaner; running Jobs go after the timeout (whoever owns them: neither the TTL controller nor CronJob history
/// limits stop a running Job) unless suspended.
/// </summary>
public static class JobPlanner
{
    public static Decision Decide(V1Job job, ResolvedPolicy resolved, bool includeCronJobJobs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (Kept(job, resolved) is { } kept)
        {
            return kept;
        }

        var policy = resolved.Policy!;
        return JobTimes.Finished(job) is { } finished
            ? DecideFinished(job, finished.Outcome, finished.At, policy, includeCronJobJobs, now)
            : DecideRunning(job, policy, now);
    }

    /// <summary>The rules every object goes through first: being deleted, a bad annotation, an opt-out.</summary>
    internal static Decision? Kept(IKubernetesObject<V1ObjectMeta> obj, ResolvedPolicy resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        return obj.Metadata.DeletionTimestamp is not null ? Decision.Keep(SkipReason.Deleting)
            : resolved.Error is { } error ? Decision.Keep(SkipReason.InvalidAnnotation, error)
            : resolved.Policy!.Disabled ? Decision.Keep(SkipReason.OptedOut)
            : null;
    }

    public static bool IsOwnedByCronJob(V1Job job) =>
        job.Metadata.OwnerReferences?.Any(o => o.Kind == "CronJob" && o.ApiVersion.StartsWith("batch/", StringComparison.Ordinal)) == true;

    private static Decision DecideFinished(V1Job job, JobOutcome outcome, DateTimeOffset? at, CleanupPolicy policy, bool includeCronJobJobs, DateTimeOffset now)
    {
        if (job.Spec?.TtlSecondsAfterFinished is { } ttl)
        {
            return Decision.Keep(SkipReason.Ttl, $"ttlSecondsAfterFinished={ttl}");
        }

        if (!includeCronJobJobs && IsOwnedByCronJob(job))
        {
            return Decision.Keep(SkipReason.CronJob);
        }

        var limit = outcome == JobOutcome.Succeeded ? policy.SucceededAge : policy.FailedAge;
        var word = outcome == JobOutcome.Succeeded ? "succeeded" : "failed";
        if (at is not { } finishedAt)
        {
            return Decision.Keep(SkipReason.NotDue, $"{word}, with no time to age from");
        }

        var age = now - finishedAt;
        return age > limit
            ? Decision.Remove(outcome == JobOutcome.Succeeded ? DeleteReason.Succeeded : DeleteReason.Failed, $"{word} {Text(age)} ago, older than {Text(limit)}")
            : Decision.Keep(SkipReason.NotDue, $"{word} {Text(age)} ago, due after {Text(limit)}");
    }

    private static Decision DecideRunning(V1Job job, CleanupPolicy policy, DateTimeOffset now)
    {
        if (job.Spec?.Suspend == true)
        {
            return Decision.Keep(SkipReason.Suspended);
        }

        var neverStarted = JobTimes.NeverStarted(job) ? job.Metadata.CreationTimestamp : null;
        if (neverStarted is { } created && now - created > policy.FailedAge)
        {
            // Neither the TTL controller nor a CronJob's history limits ever remove a Job that never finished.
            return Decision.Remove(DeleteReason.NeverStarted, $"never started (empty status), created {Text(now - created)} ago, older than {Text(policy.FailedAge)}");
        }

        if (policy.Timeout is not { } timeout || JobTimes.Started(job) is not { } started)
        {
            return neverStarted is { } since
                ? Decision.Keep(SkipReason.Running, $"never started (empty status), created {Text(now - since)} ago, due after {Text(policy.FailedAge)}")
                : Decision.Keep(SkipReason.Running);
        }

        var running = now - started;
        return running > timeout
            ? Decision.Remove(DeleteReason.Timeout, $"running for {Text(running)}, longer than the timeout {Text(timeout)}")
            : Decision.Keep(SkipReason.Running, $"running for {Text(running)}, timeout {Text(timeout)}");
    }

    internal static string Text(TimeSpan span) => GoDuration.Format(TimeSpan.FromSeconds(Math.Round(span.TotalSeconds)));
}
