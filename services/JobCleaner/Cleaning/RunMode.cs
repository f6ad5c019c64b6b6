namespace AwsIntegrations.JobCleaner.Cleaning;

public enum RunMode
{
    /// <summary>A pass every --interval while this replica holds the Lease.</summary>
    Loop,

    /// <summary>One pass, then the process exits with its outcome (kube-job-cleaner's CronJob way).</summary>
    Once,
}
