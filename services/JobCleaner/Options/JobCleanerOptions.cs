using AwsIntegrations.Hosting.Options;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Leadership;

namespace AwsIntegrations.JobCleaner.Options;

/// <summary>kube-job-cleaner's flags (same names and defaults), plus what its users asked for.</summary>
public sealed class JobCleanerOptions : ServiceOptions
{
    public const string ServiceName = "job-cleaner";

    public JobCleanerOptions() => MetricsPort = 9097;

    [Flag("seconds", "Age in seconds after which finished Jobs (and, with --delete-orphan-pods, their orphan pods) are deleted.")]
    [FlagRange(0, int.MaxValue)]
    public int Seconds { get; set; } = 3600;

    [Flag("succeeded-seconds", "Age in seconds for succeeded Jobs; empty: --seconds.")]
    [FlagRange(0, int.MaxValue)]
    public int? SucceededSeconds { get; set; }

    [Flag("failed-seconds", "Age in seconds for failed Jobs; empty: --seconds.")]
    [FlagRange(0, int.MaxValue)]
    public int? FailedSeconds { get; set; }

    [Flag("timeout-seconds", "Running Jobs older than this many seconds are stopped and deleted with their pods; 0 or less (-1): never, as in kube-job-cleaner.")]
    public int TimeoutSeconds { get; set; } = -1;

    [Flag("dry-run", "Log what would be deleted and delete nothing.")]
    public bool DryRun { get; set; }

    [Flag("namespace", "Clean only this namespace (kube-job-cleaner's flag); empty: every namespace.", Env = "JOB_CLEANER_NAMESPACE")]
    public string Namespace { get; set; } = "";

    [Flag("include-namespaces", "Clean only these namespaces (comma-separated); empty: every namespace.")]
    public List<string> IncludeNamespaces { get; set; } = [];

    [Flag("exclude-namespaces", "Never clean these namespaces (comma-separated).")]
    public List<string> ExcludeNamespaces { get; set; } = [];

    [Flag("label-selector", "Clean only Jobs (and orphan pods) matching this label selector, e.g. team=data,tier!=critical.")]
    public string LabelSelector { get; set; } = "";

    [Flag("interval", "Pause between cleaning passes; empty: 1m. Setting it keeps the cleaner running even in a Job's pod (see --once).")]
    [FlagRange(0.1, 86400)]
    public TimeSpan? Interval { get; set; }

    [Flag("include-cronjob-jobs", "Also delete finished Jobs owned by a CronJob (by default its history limits own them).")]
    public bool IncludeCronJobJobs { get; set; }

    [Flag("delete-orphan-pods", "Also delete finished pods whose Job no longer exists, after the same age.")]
    public bool DeleteOrphanPods { get; set; }

    [Flag("delete-finished-pods", "Also delete every other finished pod (Succeeded or Failed) after the same age, whoever owns it, as kube-job-cleaner did; pods of Jobs that still exist go with their Job.")]
    public bool DeleteFinishedPods { get; set; }

    [Flag("once", "true: run one pass and exit (0: it succeeded, 1: a list or delete failed), without leader election; false: keep running; empty: one pass when started in a Job's pod (kube-job-cleaner's CronJob), unless --interval is set.")]
    public bool? Once { get; set; }

    [Flag("page-size", "Objects per list request (limit + continue), which bounds memory on clusters with many Jobs.")]
    [FlagRange(1, 10000)]
    public int PageSize { get; set; } = 500;

    [FlagGroup]
    public LeaderElectionFlags LeaderElection { get; set; } = new();

    [FlagGroup]
    public KubernetesOptions Kubernetes { get; set; } = new();

    /// <summary>The flags as the planner's defaults (annotations may override them per namespace or Job).</summary>
    public CleanupPolicy DefaultPolicy() => new(
        TimeSpan.FromSeconds(SucceededSeconds ?? Seconds),
        TimeSpan.FromSeconds(FailedSeconds ?? Seconds),
        TimeoutSeconds <= 0 ? null : TimeSpan.FromSeconds(TimeoutSeconds),
        Disabled: false);

    /// <summary>The pause between passes: --interval, else one minute.</summary>
    public TimeSpan PassInterval => Interval ?? TimeSpan.FromMinutes(1);

    public NamespaceScope Scope() => new(
        Namespace.Length > 0 ? [Namespace] : [.. IncludeNamespaces],
        [.. ExcludeNamespaces]);

    public override FlagException? Validate()
    {
        if (Namespace.Length > 0 && IncludeNamespaces.Count > 0)
        {
            return new FlagException("--namespace and --include-namespaces both name the namespaces to clean: use one");
        }

        var overlap = Scope().Included.Intersect(ExcludeNamespaces, StringComparer.Ordinal).FirstOrDefault();
        if (overlap is not null)
        {
            return new FlagException($"namespace {overlap} is both included and excluded");
        }

        return null;
    }
}
