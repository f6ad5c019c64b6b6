using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.Kubernetes;

// dotnet run -c Release --project tests/Benchmarks/KubernetesBenchmarks -- [--quick] [--sizes 10000,50000,100000] [--churn 20000] [--rounds 3]
// Child roles: --role-emulator (the emulator of one size, seeded, changing pods on command) and --role-client (one round, measures).
var arguments = new BenchmarkArguments(args);
var churn = arguments.Number("--churn", 20_000, quick: 5_000);
if (arguments.Has("--role-emulator"))
{
    await EmulatorRole.RunAsync(arguments.Number("--pods", 50_000));
    return;
}

if (arguments.Has("--role-client"))
{
    await ClientRole.RunAsync(arguments.Number("--port", 0), arguments.Number("--pods", 50_000), churn);
    return;
}

var sizes = arguments.Numbers("--sizes", [10_000, 50_000, 100_000], quick: [5_000, 50_000]);
var rounds = arguments.Number("--rounds", 3);
var results = new List<SizeResult>();
foreach (var size in sizes)
{
    results.Add(await Driver.MeasureAsync(size, churn, rounds));
}

KubernetesReport.Print(results, churn, rounds);
