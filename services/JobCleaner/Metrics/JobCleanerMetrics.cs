using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Options;
using AwsIntegrations.JobCleaner.Cleaning;
using AwsIntegrations.JobCleaner.Planning;

namespace AwsIntegrations.JobCleaner.Metrics;

/// <summary>
/// jobcleaner_jobs_deleted_total{reason,dry_run}, jobcleaner_pods_deleted_total{reason,dry_run},
/// jobcleaner_delete_errors_total{kind}, jobcleaner_jobs_skipped{reason} and jobcleaner_jobs_seen (last pass),
/// jobcleaner_pass_duration_seconds, jobcleaner_last_success_timestamp_seconds.
/// </summary>
public sealed class JobCleanerMetrics
{
    public const string MeterName = "AwsIntegrations.JobCleaner";

    private static readonly Meter SharedMeter = new(MeterName);
    private readonly Counter<long> _jobsDeleted;
    private readonly Counter<long> _podsDeleted;
    private readonly Counter<long> _deleteErrors;
    private readonly Histogram<double> _passDuration;
    private PassReport? _lastPass;
    private double _lastSuccess;

    public JobCleanerMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? SharedMeter;
        _jobsDeleted = meter.CreateCounter<long>("jobcleaner_jobs_deleted", description: "Jobs deleted (or, with dry_run=true, that would have been) by reason: succeeded, failed, timeout, never-started.");
        _podsDeleted = meter.CreateCounter<long>("jobcleaner_pods_deleted", description: "Pods deleted by the cleaner itself (or, with dry_run=true, that would have been) by reason: orphan, finished, preempted.");
        _deleteErrors = meter.CreateCounter<long>("jobcleaner_delete_errors", description: "Deletes the API server refused or that failed on the way, by kind.");
        _passDuration = meter.CreateHistogram<double>("jobcleaner_pass_duration_seconds", unit: "s", description: "Duration of cleaning passes.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] });
        meter.CreateObservableGauge("jobcleaner_jobs_skipped", ObserveSkipped, description: "Jobs kept in the last pass, by reason.");
        meter.CreateObservableGauge("jobcleaner_jobs_seen", () => new Measurement<long>(Volatile.Read(ref _lastPass)?.JobsSeen ?? 0),
            description: "Jobs listed in the last pass.");
        meter.CreateObservableGauge("jobcleaner_last_success_timestamp_seconds", () => new Measurement<double>(Volatile.Read(ref _lastSuccess)),
            unit: "s", description: "Unix time at which the last successful pass ended.");
    }

    public void Deleted(string kind, DeleteReason reason, bool dryRun)
    {
        var tags = new KeyValuePair<string, object?>[] { new("reason", Label(reason)), new("dry_run", dryRun ? "true" : "false") };
        (kind == "Job" ? _jobsDeleted : _podsDeleted).Add(1, tags);
    }

    public void DeleteFailed(string kind) => _deleteErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void PassEnded(PassReport report, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        _passDuration.Record(duration.TotalSeconds);
        Volatile.Write(ref _lastPass, report);
        if (report.Succeeded)
        {
            Volatile.Write(ref _lastSuccess, now.ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    public static string Label(Enum reason) => FlagValueConverter.KebabCase(reason.ToString());

    private IEnumerable<Measurement<long>> ObserveSkipped()
    {
        var report = Volatile.Read(ref _lastPass);
        foreach (var reason in Enum.GetValues<SkipReason>())
        {
            yield return new Measurement<long>(report?.Skipped(reason) ?? 0, new KeyValuePair<string, object?>("reason", Label(reason)));
        }
    }
}
