using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.JobCleaner;

/// <summary>What one size gave: the first pass (it deletes the Jobs that are due) and each side's steady passes.</summary>
internal sealed record SizeResult(int Jobs, int Rounds, PassFigures First, IReadOnlyDictionary<string, List<PassFigures>> Sides)
{
    public Measurement Seconds(string side) => new(Sides[side].Select(p => p.Seconds));

    public Measurement PeakMib(string side) => new(Sides[side].Select(p => p.PeakMib));

    /// <summary>A figure of <paramref name="side"/> over the same figure of the reference, round by round.</summary>
    public Measurement Ratio(string side, Func<PassFigures, double> figure) =>
        new(Sides[side].Zip(Sides[Driver.Unpaged], (ours, reference) => figure(ours) / figure(reference)));
}
