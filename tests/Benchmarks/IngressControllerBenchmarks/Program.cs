using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.IngressController;

// dotnet run -c Release --project tests/Benchmarks/IngressControllerBenchmarks -- [--quick] [--sizes 100,1000,10000]
//   [--certificates 60] [--repetitions 5] [--largest-repetitions 3]
// N Ingresses over N/2 hosts covered by 60 wildcard certificates (one Ingress in ten internal), 3 nodes, from an empty account.
// The 1,000 size is issue 7's benchmark: 1,000 Ingresses, 500 hosts, 60 certificates.
var settings = IngressSettings.From(new BenchmarkArguments(args));
// A warm-up run, not reported: the first run in this process would otherwise pay for compiling the controller's code.
await IngressRun.RunAsync(settings.Sizes.Min(), hosts: Math.Max(1, settings.Sizes.Min() / 2), settings.Certificates, rest: false);
var runs = new List<RunResult>();
foreach (var size in settings.Sizes)
{
    for (var repetition = 0; repetition < settings.RepetitionsAt(size); repetition++)
    {
        var run = await IngressRun.RunAsync(size, hosts: Math.Max(1, size / 2), settings.Certificates, rest: repetition == 0 || settings.RestEveryRepetition);
        runs.Add(run);
        Console.Error.WriteLine($"ingress: {size:N0} Ingresses, run {repetition + 1}: {run.ConvergeSeconds:F2} s, {run.ConvergeCalls.Total} calls, {run.LoadBalancers} ALBs");
    }
}

IngressReport.Print(settings, runs);
