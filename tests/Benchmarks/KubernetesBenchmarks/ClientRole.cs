using System.Diagnostics;
using System.Globalization;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Benchmarks.Kubernetes;

/// <summary>
/// The measuring process of one size (the emulator runs in a child process, so the memory figures are the client's alone): a
/// warm-up sync, then per round an informer initial sync (seconds, managed heap the cache holds, peak RSS during the sync), the
/// informer's throughput under churn and the raw watch decoding rate. One <c>RESULT</c> line per figure, for the driver.
/// </summary>
internal static class ClientRole
{
    public static async Task RunAsync(int pods, int churn, int rounds, bool warmUp)
    {
        using var emulator = StartEmulator(pods, out var port);
        using var client = new KubernetesClient(new KubernetesConnection(new Uri($"http://127.0.0.1:{port}")), new KubernetesClientSettings { Qps = 0 });
        for (var round = warmUp ? -1 : 0; round < rounds; round++)
        {
            var informer = await SyncAsync(client, pods, report: round >= 0);
            if (round >= 0)
            {
                await ChurnAsync(informer, emulator, churn);
                await WatchAsync(client, pods);
            }

            await ForgetAsync(informer);
        }

        emulator.StandardInput.Close();
        await emulator.WaitForExitAsync();
    }

    private static async Task<Informer<Pod>> SyncAsync(KubernetesClient client, int pods, bool report)
    {
        ProcessMemory.ResetPeak();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var informer = new Informer<Pod>(client).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = ProcessMemory.PeakMib();
        var heap = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1048576.0;
        if (informer.List().Count != pods)
        {
            throw new InvalidOperationException($"the informer holds {informer.List().Count} pods, not {pods}");
        }

        if (report)
        {
            Result("sync", $"seconds={seconds:0.0000} heap_mib={heap:0.0} peak_mib={peak:0.0}");
        }

        return informer;
    }

    /// <summary>Disposes the informer and waits until the collector has taken it, so the next round starts from the same heap.</summary>
    private static async Task ForgetAsync(Informer<Pod> informer)
    {
        var gone = new WeakReference(informer);
        await informer.DisposeAsync();
        informer = null!;
        for (var i = 0; i < 100 && gone.IsAlive; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            await Task.Delay(20);
        }
    }

    private static async Task ChurnAsync(Informer<Pod> informer, Process emulator, int churn)
    {
        var updates = 0;
        using var counting = informer.AddHandler(new InformerHandler<Pod>(OnUpdate: (_, _) => Interlocked.Increment(ref updates)));
        var clock = Stopwatch.StartNew();
        await emulator.StandardInput.WriteLineAsync($"churn {churn}");
        await emulator.StandardInput.FlushAsync();
        while (Volatile.Read(ref updates) < churn)
        {
            await Task.Delay(5);
        }

        Result("churn", $"seconds={clock.Elapsed.TotalSeconds:0.0000} events={churn}");
    }

    private static async Task WatchAsync(KubernetesClient client, int pods)
    {
        var clock = Stopwatch.StartNew();
        var received = 0;
        using var stop = new CancellationTokenSource();
        try
        {
            await foreach (var _ in client.WatchAsync<Pod>("default", new WatchOptions { AllowWatchBookmarks = false }, stop.Token))
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

    private static void Result(string figure, FormattableString values) =>
        Console.WriteLine($"RESULT {figure} " + values.ToString(CultureInfo.InvariantCulture));

    private static Process StartEmulator(int pods, out int port)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(ClientRole).Assembly.Location);
        info.ArgumentList.Add("--role-emulator");
        info.ArgumentList.Add("--pods");
        info.ArgumentList.Add(pods.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator");
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.Error.WriteLine($"[emulator] {line}");
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                port = int.Parse(line[10..], CultureInfo.InvariantCulture);
                _ = Task.Run(() => process.StandardOutput.ReadToEnd());
                return process;
            }
        }

        throw new InvalidOperationException("the emulator exited before listening");
    }
}
