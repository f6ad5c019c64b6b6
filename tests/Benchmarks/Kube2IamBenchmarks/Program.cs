using System.Diagnostics;
using System.Globalization;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Testing;
using AwsIntegrations.Benchmarks.Kube2Iam;

// dotnet run -c Release --project tests/Benchmarks/Kube2IamBenchmarks -- [--quick] [--seconds 5] [--rounds 5] [--rate 5000]
//   [--fresh-pods 20] [--lifetime-seconds 1215] [--sts-window-seconds 120]
var arguments = new BenchmarkArguments(args);
var seconds = arguments.Number("--seconds", 5, quick: 3);
var rounds = arguments.Number("--rounds", 5, quick: 3);
var rate = arguments.Number("--rate", 5000);
var freshPods = arguments.Number("--fresh-pods", 20, quick: 10);
var lifetime = TimeSpan.FromSeconds(arguments.Number("--lifetime-seconds", 1215));
var stsWindow = TimeSpan.FromSeconds(arguments.Number("--sts-window-seconds", 120, quick: 70));
const int LoadPods = 10;

var clock = Stopwatch.StartNew();
await using var cluster = await BenchCluster.StartAsync(lifetime);
for (var i = 1; i <= LoadPods; i++)
{
    cluster.AddPod($"load-{i}", $"127.0.1.{i}");
}

await Eventually.HoldsAsync(() => cluster.AssumeRoleCalls >= LoadPods, "the load pods' credentials are prefetched", TimeSpan.FromSeconds(30));
var ready = DateTimeOffset.UtcNow;
Console.WriteLine($"Kube2Iam on {Environment.ProcessorCount} cores (load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))} at the start); "
    + $"daemon ready in {clock.Elapsed.TotalSeconds:0.0} s.{(arguments.Quick ? " Quick mode: shorter and fewer rounds." : "")}");

var load = await LoadComparison.RunAsync(cluster, LoadPods, rounds, TimeSpan.FromSeconds(seconds), rate);
var first = await FirstRequests.RunAsync(cluster, freshPods);
var remaining = stsWindow - (DateTimeOffset.UtcNow - ready);
if (remaining > TimeSpan.Zero)
{
    await Task.Delay(remaining); // the pods keep living so their credentials go through more refresh cycles
}

var sts = StsRefreshCycles.Measure(cluster.Aws.Calls.Of("sts", "AssumeRole"), lifetime, DateTimeOffset.UtcNow);
StsRefreshCycles.Print(sts);

var goalP99 = load.PacedP99.Median <= 1.0 ? "met" : "not met";
Console.WriteLine();
Console.WriteLine("### Goals of issue 5");
Console.WriteLine();
new MarkdownTable("goal", "measured", "met?")
    .Add($"p99 ≤ 1 ms at {rate:N0} requests/s on 2 cores", $"{load.PacedP99.Format("0.00")} ms at {load.PacedRate.Median:N0}/s; bare Kestrel on the same machine and generator: {load.PacedP99Reference.Format("0.00")} ms",
        load.PacedP99.Median <= 1.0 ? "met" : load.PacedP99Reference.Median > 1.0 ? "not met (bare Kestrel misses it too: the floor of this machine and generator is above 1 ms)" : "not met")
    .Add("0 STS calls on the request path for known pods", $"{load.PrefetchMisses:0} of {load.PrefetchHits + load.PrefetchMisses:N0} requests waited on STS", load.PrefetchMisses == 0 ? "met" : "not met")
    .Add("first request of a fresh pod is a prefetch hit", $"{first.AfterDelayMisses:0} of {freshPods} waited on STS ({FirstRequests.StartDelay.TotalMilliseconds:0} ms after the pod appeared); {first.AtOnceMisses:0} of {freshPods} at the very moment it appeared", first.AfterDelayMisses == 0 ? "met" : "not met")
    .Print();
Summary.Print("kube2iam", $"p99 of cached credentials at {rate:N0} req/s paced (ms)", load.PacedP99.Format("0.00"), $"bare Kestrel {load.PacedP99Reference.Format("0.00")}",
    $"{load.PacedP99Ratio.Median.ToString("0.00", CultureInfo.InvariantCulture)}× (goal ≤ 1 ms at {rate:N0}/s: {goalP99}; achieved {load.PacedRate.Median:N0}/s)");
Summary.Print("kube2iam", "cached credentials, requests/s unpaced", load.UnpacedRate.Format("N0"), $"bare Kestrel {load.UnpacedRateReference.Format("N0")}",
    $"{load.UnpacedThroughputRatio.Median.ToString("0.00", CultureInfo.InvariantCulture)}×");
Summary.Print("kube2iam", $"first request of a new pod, {FirstRequests.StartDelay.TotalMilliseconds:0} ms after it appeared / at once (ms)",
    $"{first.AfterDelay.Format("0.00")} / {first.AtOnce.Format("0.00")}", "AWS SDKs time out IMDS after 1 s",
    $"waited on STS: {first.AfterDelayMisses:0} of {freshPods} / {first.AtOnceMisses:0} of {freshPods}");
Summary.Print("kube2iam", "STS calls on the request path of known pods", $"{load.PrefetchMisses:0}", "kube2iam: 1 per role per 15 min, on a request",
    $"goal 0: {(load.PrefetchMisses == 0 ? "met" : "not met")}");
Summary.Print("kube2iam", "STS calls per pod per hour (default lifetime, scaled from a measured run)", sts.PerHourAtDefault.ToString("0.0", CultureInfo.InvariantCulture),
    "kube2iam 4 per role, kiam 6 per role (their code)", "no goal; one session per pod");
return 0;
