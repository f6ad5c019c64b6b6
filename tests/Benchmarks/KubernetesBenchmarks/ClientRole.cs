using System.Diagnostics;
using System.Globalization;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Benchmarks.Kubernetes;

/// <summary>
/// One round in a fresh process, as a daemon starts: an informer initial sync (seconds, managed heap the cache holds, peak RSS),
/// then the informer's throughput under churn (asks the driver to have the emulator change pods) and the raw watch decoding rate,
/// ours (each line decoded once, straight into V1Pod) beside KubernetesClient's own WatchListNamespacedPodAsync.
/// One <c>RESULT</c> line per figure, for the driver.
/// </summary>
internal static class ClientRole
{
    public static async Task RunAsync(int port, int pods, int churn)
    {
        using var client = new KubernetesConnection(new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" }, new KubernetesClientSettings { Qps = 0 });
        ProcessMemory.ResetPeak();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        await using var informer = new Informer<V1Pod>(client).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = ProcessMemory.PeakMib();
        var heap = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1048576.0;
        if (informer.List().Count != pods)
        {
            throw new InvalidOperationException($"the informer holds {informer.List().Count} pods, not {pods}");
        }

        Result("sync", $"seconds={seconds:0.0000} heap_mib={heap:0.0} peak_mib={peak:0.0}");
        await ChurnAsync(informer, churn);
        await WatchAsync(client, pods);
        await KubernetesClientWatchAsync(client, pods);
    }

    private static async Task ChurnAsync(Informer<V1Pod> informer, int churn)
    {
        var updates = 0;
        using var counting = informer.AddHandler(new InformerHandler<V1Pod>(OnUpdate: (_, _) => Interlocked.Increment(ref updates)));
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"CHURN {churn}");
        while (Volatile.Read(ref updates) < churn)
        {
            await Task.Delay(5);
        }

        Result("churn", $"seconds={clock.Elapsed.TotalSeconds:0.0000} events={churn}");
    }

    private static async Task WatchAsync(KubernetesConnection client, int pods)
    {
        var clock = Stopwatch.StartNew();
        var received = 0;
        using var stop = new CancellationTokenSource();
        try
        {
            await foreach (var _ in client.WatchAsync<V1Pod>("default", new WatchOptions { AllowWatchBookmarks = false }, stop.Token))
            {
                if (++received == pods)
                {
                    await stop.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Result("watch", $"seconds={clock.Elapsed.TotalSeconds:0.0000} events={received}");
    }

    private static async Task KubernetesClientWatchAsync(KubernetesConnection client, int pods)
    {
        var clock = Stopwatch.StartNew();
        var received = 0;
        using var stop = new CancellationTokenSource();
        try
        {
            await foreach (var _ in client.Client.CoreV1.WatchListNamespacedPodAsync("default", allowWatchBookmarks: false, cancellationToken: stop.Token))
            {
                if (++received == pods)
                {
                    await stop.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Result("watch_k8s", $"seconds={clock.Elapsed.TotalSeconds:0.0000} events={received}");
    }

    private static void Result(string figure, FormattableString values) =>
        Console.WriteLine($"RESULT {figure} " + values.ToString(CultureInfo.InvariantCulture));
}
