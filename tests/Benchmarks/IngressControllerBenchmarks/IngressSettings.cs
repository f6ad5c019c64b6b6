using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.IngressController;

internal sealed record IngressSettings(IReadOnlyList<int> Sizes, int Certificates, int Repetitions, int LargestRepetitions, bool RestEveryRepetition)
{
    public static IngressSettings From(BenchmarkArguments args) => new(
        Sizes: args.Numbers("--sizes", [100, 1_000, 10_000]),
        Certificates: args.Number("--certificates", 60),
        Repetitions: args.Number("--repetitions", 5, quick: 3),
        LargestRepetitions: args.Number("--largest-repetitions", 3, quick: 1),
        RestEveryRepetition: !args.Quick);

    public int RepetitionsAt(int size) => size == Sizes.Max() && Sizes.Count > 1 ? LargestRepetitions : Repetitions;
}
