using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.DnsController.Benchmarks;

/// <summary>
/// What one benchmark run measures. Each Ingress has one host, so N Ingresses ask for N ALIAS A records plus N TXT ownership
/// records, spread evenly over <see cref="Zones"/> hosted zones. The controller runs with its defaults (3 Route 53 requests/s,
/// --resync-interval 1h) except the first replica's --interval, shortened so that the idle window holds several full plans.
/// </summary>
internal sealed record DnsSettings(
    IReadOnlyList<int> Sizes,
    int Zones,
    int Repetitions,
    int LargestRepetitions,
    bool RestEveryRepetition,
    int IdleSeconds,
    int IntervalSeconds,
    int Changes)
{
    public static DnsSettings From(BenchmarkArguments args) => new(
        Sizes: args.Numbers("--sizes", [100, 1_000, 10_000]),
        Zones: args.Number("--zones", 5),
        Repetitions: args.Number("--repetitions", 5, quick: 3),
        LargestRepetitions: args.Number("--largest-repetitions", 3, quick: 1),
        RestEveryRepetition: !args.Quick,
        IdleSeconds: args.Number("--idle-seconds", 30, quick: 4),
        IntervalSeconds: args.Number("--interval-seconds", 5, quick: 1),
        Changes: args.Number("--changes", 9, quick: 3));

    public int RepetitionsAt(int size) => size == Sizes.Max() && Sizes.Count > 1 ? LargestRepetitions : Repetitions;
}
