using AwsIntegrations.Hosting.Options;
using AwsIntegrations.JobCleaner.Planning;

namespace AwsIntegrations.JobCleaner.Cleaning;

/// <summary>What one pass saw and did: counts only, so its size does not grow with the cluster.</summary>
public sealed class PassReport
{
    private readonly Dictionary<SkipReason, long> _skipped = [];
    private readonly Dictionary<(string Kind, DeleteReason Reason), long> _deleted = [];

    public long JobsSeen { get; set; }

    public long PodsSeen { get; set; }

    public long Errors { get; private set; }

    public string? FirstError { get; private set; }

    public bool Succeeded => Errors == 0;

    public long Skipped(SkipReason reason) => _skipped.GetValueOrDefault(reason);

    /// <summary>Deleted (or, in a dry run, would have deleted).</summary>
    public long Deleted(string kind, DeleteReason reason) => _deleted.GetValueOrDefault((kind, reason));

    public long DeletedJobs => _deleted.Where(d => d.Key.Kind == "Job").Sum(d => d.Value);

    public long DeletedPods => _deleted.Where(d => d.Key.Kind == "Pod").Sum(d => d.Value);

    public void Skip(SkipReason reason) => _skipped[reason] = Skipped(reason) + 1;

    public void Delete(string kind, DeleteReason reason) => _deleted[(kind, reason)] = Deleted(kind, reason) + 1;

    public void Error(string message)
    {
        Errors++;
        FirstError ??= message;
    }

    public override string ToString() =>
        $"{JobsSeen} Jobs seen, {DeletedJobs} Jobs and {DeletedPods} pods deleted, kept: "
        + string.Join(", ", _skipped.OrderBy(s => s.Key).Select(s => $"{s.Value} {FlagValueConverter.KebabCase(s.Key.ToString())}"))
        + (Errors > 0 ? $"; {Errors} errors, first: {FirstError}" : string.Empty);
}
