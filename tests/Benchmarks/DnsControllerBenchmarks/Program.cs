using AwsIntegrations.Benchmarking;
using AwsIntegrations.DnsController.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks/DnsControllerBenchmarks -- [--quick] [--sizes 100,1000,10000] [--zones 5]
//   [--repetitions 5] [--largest-repetitions 3] [--idle-seconds 60] [--interval-seconds 5] [--changes 9]
var settings = DnsSettings.From(new BenchmarkArguments(args));
var runs = new List<RunResult>();
foreach (var size in settings.Sizes)
{
    for (var repetition = 0; repetition < settings.RepetitionsAt(size); repetition++)
    {
        var rest = repetition == 0 || settings.RestEveryRepetition;
        var changes = repetition == 0 && size == settings.Sizes.Max() ? settings.Changes : 0;
        var run = await DnsRun.RunAsync(settings, size, rest, changes);
        runs.Add(run);
        Console.Error.WriteLine($"dns: {size:N0} Ingresses, run {repetition + 1}: {run.ConvergeSeconds:F1} s, {run.ConvergeCalls.Total} calls");
    }
}

DnsReport.Print(settings, runs);
