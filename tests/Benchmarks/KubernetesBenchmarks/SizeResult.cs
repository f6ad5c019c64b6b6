using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.Kubernetes;

/// <summary>The figures one client process reported for one size: per figure ("sync", "churn", "watch"), one set of values per round.</summary>
internal sealed record SizeResult(int Pods, IReadOnlyDictionary<string, List<Dictionary<string, double>>> Figures)
{
    public Measurement Of(string figure, string value) => new(Figures[figure].Select(f => f[value]));

    /// <summary>Events (or pods) per second of a figure, round by round.</summary>
    public Measurement Rate(string figure, string count) => new(Figures[figure].Select(f => f[count] / f["seconds"]));
}
