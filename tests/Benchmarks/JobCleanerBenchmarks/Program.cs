using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.JobCleaner;

// dotnet run -c Release --project tests/Benchmarks/JobCleanerBenchmarks -- [--quick] [--sizes 1000,10000,100000] [--namespaces 1000]
//   [--rounds 5] [--rounds-at-largest 5] [--due-at-largest 100]
// Child roles (started by the driver): --role emulator --jobs N --namespaces M --due D | --role worker --kind cleaner|orphans|unpaged --port P.
var arguments = new BenchmarkArguments(args);
var namespaces = arguments.Number("--namespaces", 1000);
switch (arguments.Text("--role", "driver"))
{
    case "emulator":
        await EmulatorRole.RunAsync(arguments.Number("--jobs", 1000), namespaces, arguments.Number("--due", 100));
        break;
    case "worker":
        await WorkerRole.RunAsync(arguments.Text("--kind", Driver.Cleaner), arguments.Number("--port", 0));
        break;
    default:
        var sizes = arguments.Numbers("--sizes", [1_000, 10_000, 100_000]);
        var rounds = arguments.Number("--rounds", 5, quick: 3);
        var roundsAtLargest = arguments.Number("--rounds-at-largest", rounds);
        var dueAtLargest = arguments.Number("--due-at-largest", 100, quick: 10);
        var results = new List<SizeResult>();
        foreach (var size in sizes)
        {
            var largest = size == sizes.Max() && sizes.Count > 1;
            results.Add(await Driver.MeasureAsync(size, namespaces, largest ? roundsAtLargest : rounds, largest ? dueAtLargest : 100));
        }

        JobCleanerReport.Print(results, namespaces, arguments.Quick);
        break;
}
