using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.Kubernetes;

// dotnet run -c Release --project tests/Benchmarks/KubernetesBenchmarks -- [--quick] [--sizes 10000,50000,100000] [--churn 20000] [--rounds 3]
// Child roles: --role-client (one size, measures) and --role-emulator (the emulator, seeded, changing pods on command).
var arguments = new BenchmarkArguments(args);
var churn = arguments.Number("--churn", 20_000, quick: 5_000);
if (arguments.Has("--role-emulator"))
{
    await EmulatorRole.RunAsync(arguments.Number("--pods", 50_000));
    return;
}

if (arguments.Has("--role-client"))
{
    await ClientRole.RunAsync(arguments.Number("--pods", 50_000), churn, arguments.Number("--rounds", 3), !arguments.Quick);
    return;
}

var sizes = arguments.Numbers("--sizes", [10_000, 50_000, 100_000], quick: [5_000, 50_000]);
var rounds = arguments.Number("--rounds", 3);
var results = new List<SizeResult>();
foreach (var size in sizes)
{
    results.Add(await Driver.MeasureAsync(size, churn, rounds, arguments.Quick));
}

Report.Print(results, churn, rounds, warmUp: !arguments.Quick);
