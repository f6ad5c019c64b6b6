namespace AwsIntegrations.JobCleaner.Policy;

/// <summary>The annotations the cleaner reads, on a Job (or a pod) and on its Namespace; the Job's win.</summary>
public static class CleanupAnnotations
{
    public const string Prefix = "aws-integrations.io/";

    /// <summary>"true" keeps the object (or every Job of the namespace); "false" opts a Job back in.</summary>
    public const string Disabled = Prefix + "cleanup-disabled";

    /// <summary>Age of finished Jobs, succeeded or failed: seconds or a duration (90m, 1h30m).</summary>
    public const string After = Prefix + "cleanup-after";

    public const string SucceededAfter = Prefix + "cleanup-succeeded-after";

    public const string FailedAfter = Prefix + "cleanup-failed-after";

    /// <summary>Running timeout: seconds or a duration; 0 or a negative number means never.</summary>
    public const string Timeout = Prefix + "cleanup-timeout";

    /// <summary>kube-job-cleaner's per-Job running timeout in integer seconds, 0 or less: never (read on Jobs only).</summary>
    public const string LegacyTimeout = "cleanup-timeout";

    public static IReadOnlyList<string> All { get; } = [Disabled, After, SucceededAfter, FailedAfter, Timeout, LegacyTimeout];
}
