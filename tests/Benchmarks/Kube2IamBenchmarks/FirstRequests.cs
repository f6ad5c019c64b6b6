using System.Diagnostics;
using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.Kube2Iam;

/// <summary>
/// The first credential request of a freshly created pod, two ways, alternating pod by pod: 250 ms after the pod appears (a
/// container takes longer than that to start, so this is the usual case: the prefetch has landed) and at the very moment the
/// pod appears (the worst case: the request races the informer and the STS call).
/// </summary>
internal static class FirstRequests
{
    public static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(250);

    public static async Task<Figures> RunAsync(BenchCluster cluster, int pods)
    {
        var (afterDelay, atOnce) = await Alternating.RunAsync(pods,
            i => FirstRequestAsync(cluster, $"fresh-{i}", $"127.0.2.{i + 1}", StartDelay),
            i => FirstRequestAsync(cluster, $"instant-{i}", $"127.0.3.{i + 1}", TimeSpan.Zero));
        var figures = new Figures(
            new Measurement(afterDelay.Select(r => r.Milliseconds)), afterDelay.Sum(r => r.Misses), afterDelay.Count(r => !r.Succeeded),
            new Measurement(atOnce.Select(r => r.Milliseconds)), atOnce.Sum(r => r.Misses), atOnce.Count(r => !r.Succeeded));
        Console.WriteLine();
        Console.WriteLine("### First request of a freshly created pod");
        Console.WriteLine();
        Console.WriteLine($"{pods} pods each way, created Running with their IP in the Kubernetes emulator (alternating the two ways pod by pod); "
            + "time of the pod's first credentials request on a new connection, median (min–max). A miss is a request that waited on STS "
            + "(`kube2iam_prefetch_misses_total`, read before and after each request).");
        Console.WriteLine();
        new MarkdownTable("first request", "latency (ms)", "p90 (ms)", "waited on STS", "failed")
            .Add($"{StartDelay.TotalMilliseconds:0} ms after the pod appeared", figures.AfterDelay.Format("0.00"), figures.AfterDelay.Percentile(0.9).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), $"{figures.AfterDelayMisses:0} of {pods}", $"{figures.AfterDelayFailures}")
            .Add("the moment the pod appeared", figures.AtOnce.Format("0.00"), figures.AtOnce.Percentile(0.9).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), $"{figures.AtOnceMisses:0} of {pods}", $"{figures.AtOnceFailures}")
            .Print();
        return figures;
    }

    private static async Task<Result> FirstRequestAsync(BenchCluster cluster, string name, string ip, TimeSpan delay)
    {
        var misses = await cluster.MetricAsync("kube2iam_prefetch_misses_total");
        using var client = LoadRun.ClientFrom(ip, cluster.AppPort);
        cluster.AddPod(name, ip);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(BenchCluster.CredentialsPath);
        _ = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new Result(elapsed, await cluster.MetricAsync("kube2iam_prefetch_misses_total") - misses, response.IsSuccessStatusCode);
    }

    private sealed record Result(double Milliseconds, double Misses, bool Succeeded);

    public sealed record Figures(Measurement AfterDelay, double AfterDelayMisses, int AfterDelayFailures, Measurement AtOnce, double AtOnceMisses, int AtOnceFailures);
}
