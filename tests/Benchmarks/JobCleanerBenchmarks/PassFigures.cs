namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>One pass as a worker measured it: seconds, peak RSS during the pass, RSS before it, Jobs seen and deleted.</summary>
internal sealed record PassFigures(double Seconds, double PeakMib, double BeforeMib, long Seen, long Deleted);
