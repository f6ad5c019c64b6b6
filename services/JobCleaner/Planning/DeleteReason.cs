namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>Why an object goes; the metrics' reason label is the kebab-case name.</summary>
public enum DeleteReason
{
    Succeeded,
    Failed,
    Timeout,

    /// <summary>A Job whose status stayed empty (its pods were never created) past the failed age, counted from its creation.</summary>
    NeverStarted,

    /// <summary>A finished pod of a Job that no longer exists (--delete-orphan-pods, --delete-finished-pods).</summary>
    Orphan,

    /// <summary>A finished pod of any other owner, or of none (--delete-finished-pods).</summary>
    Finished,

    /// <summary>A finished pod whose status.reason is Preempting: it has no container times, it goes at once (--delete-finished-pods, --delete-orphan-pods).</summary>
    Preempted,
}
