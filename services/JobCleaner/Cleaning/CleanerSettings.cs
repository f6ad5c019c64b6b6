using AwsIntegrations.JobCleaner.Options;
using AwsIntegrations.JobCleaner.Planning;

namespace AwsIntegrations.JobCleaner.Cleaning;

/// <summary>What a pass needs from the flags.</summary>
public sealed record CleanerSettings
{
    public CleanupPolicy Defaults { get; init; } = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1), null, false);

    public NamespaceScope Scope { get; init; } = NamespaceScope.All;

    public string? LabelSelector { get; init; }

    public bool IncludeCronJobJobs { get; init; }

    public bool DeleteOrphanPods { get; init; }

    public bool DeleteFinishedPods { get; init; }

    /// <summary>Whether a pass lists finished pods at all.</summary>
    public bool SweepsPods => DeleteOrphanPods || DeleteFinishedPods;

    public bool DryRun { get; init; }

    public int PageSize { get; init; } = 500;

    public static CleanerSettings From(JobCleanerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CleanerSettings
        {
            Defaults = options.DefaultPolicy(),
            Scope = options.Scope(),
            LabelSelector = options.LabelSelector.Length > 0 ? options.LabelSelector : null,
            IncludeCronJobJobs = options.IncludeCronJobJobs,
            DeleteOrphanPods = options.DeleteOrphanPods,
            DeleteFinishedPods = options.DeleteFinishedPods,
            DryRun = options.DryRun,
            PageSize = options.PageSize,
        };
    }
}
