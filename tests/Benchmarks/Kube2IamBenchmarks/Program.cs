using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;
using Kube2IamBenchmarks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project tests/Benchmarks/Kube2IamBenchmarks -- [seconds-per-run=5] [repetitions=3] [rate=5000]
var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var repetitions = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
var rate = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5000;
const int Pods = 10;
const int Workers = 50;

await using var kube = await KubernetesEmulator.StartAsync(0);
await using var aws = await AwsEmulator.StartAsync(0);
var directory = Directory.CreateTempSubdirectory("kube2iam-bench-").FullName;
var kubeconfig = kube.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
kube.Create("Namespace", null, JsonNode.Parse("""{"metadata":{"name":"bench"}}""")!.AsObject());
for (var i = 0; i < Pods; i++)
{
    AddPod($"load-{i}", $"127.0.1.{i + 1}");
}

var appPort = FreePort.Next();
var metricsPort = FreePort.Next();
var daemonPath = Path.Combine(AppContext.BaseDirectory, "Kube2Iam.dll");
await using var daemon = ChildProcess.StartDotnet(daemonPath,
[
    "--app-port", $"{appPort}", "--app-address", "127.0.0.1", "--metrics-port", $"{metricsPort}", "--metrics-address", "127.0.0.1",
    "--kubeconfig", kubeconfig, "--node", "bench-node", "--base-role-arn", $"arn:aws:iam::{aws.State.AccountId}:role/",
    "--metadata-addr", aws.BaseUrl.ToString().TrimEnd('/'), "--log-level", "warning",
], new Dictionary<string, string?>
{
    ["AWS_ENDPOINT_URL"] = aws.BaseUrl.ToString().TrimEnd('/'),
    ["AWS_REGION"] = aws.State.Region,
    ["AWS_ACCESS_KEY_ID"] = AwsEmulator.DefaultCredentials.AccessKeyId,
    ["AWS_SECRET_ACCESS_KEY"] = AwsEmulator.DefaultCredentials.SecretAccessKey,
});
using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
await Eventually.HoldsAsync(async () =>
{
    try
    {
        return (await management.GetAsync("/readyz")).IsSuccessStatusCode && aws.Calls.Count("sts", "AssumeRole") >= Pods;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}, "daemon ready with the load pods' credentials prefetched", TimeSpan.FromSeconds(60));

// The reference: a Kestrel endpoint in this process answering a same-sized fixed document (the floor of HTTP on loopback).
var sample = await LoadRun.ClientFrom("127.0.1.1", appPort).GetStringAsync("/latest/meta-data/iam/security-credentials/bench-role");
var referencePort = FreePort.Next();
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, referencePort));
await using var reference = builder.Build();
reference.Run(context => context.Response.WriteAsync(sample));
await reference.StartAsync();

var daemonClients = Enumerable.Range(0, Pods).Select(i => LoadRun.ClientFrom($"127.0.1.{i + 1}", appPort)).ToList();
var referenceClients = Enumerable.Range(0, Pods).Select(i => LoadRun.ClientFrom($"127.0.1.{i + 1}", referencePort)).ToList();
const string CredentialsPath = "/latest/meta-data/iam/security-credentials/bench-role";
await LoadRun.RunAsync(daemonClients, CredentialsPath, Workers, rate, TimeSpan.FromSeconds(2)); // warm-up
await LoadRun.RunAsync(referenceClients, "/", Workers, rate, TimeSpan.FromSeconds(2));

var stsBefore = aws.Calls.Count("sts", "AssumeRole");
var paced = new List<LoadRun.Result>();
var pacedReference = new List<LoadRun.Result>();
var flat = new List<LoadRun.Result>();
var flatReference = new List<LoadRun.Result>();
for (var r = 0; r < repetitions; r++)
{
    paced.Add(await LoadRun.RunAsync(daemonClients, CredentialsPath, Workers, rate, TimeSpan.FromSeconds(seconds)));
    pacedReference.Add(await LoadRun.RunAsync(referenceClients, "/", Workers, rate, TimeSpan.FromSeconds(seconds)));
    flat.Add(await LoadRun.RunAsync(daemonClients, CredentialsPath, 32, 0, TimeSpan.FromSeconds(seconds)));
    flatReference.Add(await LoadRun.RunAsync(referenceClients, "/", 32, 0, TimeSpan.FromSeconds(seconds)));
}

var stsDuringLoad = aws.Calls.Count("sts", "AssumeRole") - stsBefore;

// First request of a freshly created pod: create it, wait for its prefetch to land in STS's log, then time its first request.
var firstRequests = new List<double>();
var prefetchReady = new List<double>();
for (var i = 0; i < 20; i++)
{
    var ip = $"127.0.2.{i + 1}";
    var before = aws.Calls.Count("sts", "AssumeRole");
    var created = Stopwatch.StartNew();
    AddPod($"fresh-{i}", ip);
    await Eventually.HoldsAsync(() => aws.Calls.Count("sts", "AssumeRole") > before, "prefetch");
    await Task.Delay(20); // the daemon stores the answer after STS logs it
    prefetchReady.Add(created.Elapsed.TotalMilliseconds);
    using var client = LoadRun.ClientFrom(ip, appPort);
    var started = Stopwatch.GetTimestamp();
    using var response = await client.GetAsync(CredentialsPath);
    firstRequests.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    if (!response.IsSuccessStatusCode)
    {
        Console.WriteLine($"fresh pod {i}: {(int)response.StatusCode}");
    }
}

var stsForFresh = aws.Calls.Count("sts", "AssumeRole") - stsBefore - stsDuringLoad;
var metrics = await management.GetStringAsync("/metrics");
var misses = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("kube2iam_prefetch_misses_total", StringComparison.Ordinal)) ?? "kube2iam_prefetch_misses_total 0";

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
}

Console.WriteLine($"Kube2Iam cached credential path on loopback ({Environment.ProcessorCount} cores, {repetitions} runs of {seconds}s, medians)");
Console.WriteLine($"  paced {rate:0} req/s, {Workers} workers, {Pods} pods:");
Console.WriteLine($"    daemon    achieved {Median(paced.Select(p => p.RequestsPerSecond)),8:0} req/s  p50 {Median(paced.Select(p => p.P50Ms)),6:0.000} ms  p99 {Median(paced.Select(p => p.P99Ms)),6:0.000} ms  failures {paced.Sum(p => p.Failures)}");
Console.WriteLine($"    reference achieved {Median(pacedReference.Select(p => p.RequestsPerSecond)),8:0} req/s  p50 {Median(pacedReference.Select(p => p.P50Ms)),6:0.000} ms  p99 {Median(pacedReference.Select(p => p.P99Ms)),6:0.000} ms");
Console.WriteLine($"    p99 ratio daemon/reference {Median(paced.Select(p => p.P99Ms)) / Median(pacedReference.Select(p => p.P99Ms)):0.00}");
Console.WriteLine($"  unpaced, 32 concurrent:");
Console.WriteLine($"    daemon    {Median(flat.Select(p => p.RequestsPerSecond)),8:0} req/s  p50 {Median(flat.Select(p => p.P50Ms)),6:0.000} ms  p99 {Median(flat.Select(p => p.P99Ms)),6:0.000} ms");
Console.WriteLine($"    reference {Median(flatReference.Select(p => p.RequestsPerSecond)),8:0} req/s  p50 {Median(flatReference.Select(p => p.P50Ms)),6:0.000} ms  p99 {Median(flatReference.Select(p => p.P99Ms)),6:0.000} ms");
Console.WriteLine($"    throughput ratio daemon/reference {Median(flat.Select(p => p.RequestsPerSecond)) / Median(flatReference.Select(p => p.RequestsPerSecond)):0.00}");
Console.WriteLine($"  STS AssumeRole calls during the load (known pods): {stsDuringLoad}");
Console.WriteLine($"  fresh pods (20): creation -> prefetch in STS median {Median(prefetchReady):0.0} ms; first request median {Median(firstRequests):0.000} ms, max {firstRequests.Max():0.000} ms; STS calls {stsForFresh}; {misses}");

daemon.SendSignal(System.Runtime.InteropServices.PosixSignal.SIGTERM);
await daemon.WaitForExitAsync(TimeSpan.FromSeconds(30));
Directory.Delete(directory, recursive: true);
return 0;

void AddPod(string name, string ip)
{
    kube.Create("Pod", "bench", new JsonObject
    {
        ["metadata"] = new JsonObject { ["name"] = name, ["annotations"] = new JsonObject { ["iam.amazonaws.com/role"] = "bench-role" } },
        ["spec"] = new JsonObject { ["nodeName"] = "bench-node", ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "app:1" }) },
    });
    kube.Store.Update(kube.Store.Definition("Pod"), "bench", name, pod =>
    {
        pod["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = ip };
        return pod;
    }, status: true);
}
