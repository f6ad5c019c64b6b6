namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>Why a Job stays; the metrics' reason label is the kebab-case name.</summary>
public enum SkipReason
{
    /// <summary>Finished, but younger than its age.</summary>
    NotDue,

    /// <summary>Running, and either no timeout applies or it has not run out.</summary>
    Running,

    /// <summary>Suspended (spec.suspend): paused on purpose, so no timeout runs.</summary>
    Suspended,

    /// <summary>spec.ttlSecondsAfterFinished is set: the built-in TTL controller deletes it.</summary>
    Ttl,

    /// <summary>Owned by a CronJob, whose history limits keep or delete it (unless --include-cronjob-jobs).</summary>
    CronJob,

    /// <summary>aws-integrations.io/cleanup-disabled=true on the Job or its namespace.</summary>
    OptedOut,

    /// <summary>A cleanup annotation on the Job or its namespace has a value that cannot be read.</summary>
    InvalidAnnotation,

    /// <summary>Already being deleted (deletionTimestamp set, e.g. waiting for its pods or a finalizer).</summary>
    Deleting,

    /// <summary>The delete found a different object of the same name (the uid precondition failed): a recreated Job.</summary>
    Recreated,
}
