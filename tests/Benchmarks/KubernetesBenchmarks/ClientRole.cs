using System.Diagnostics;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Benchmarks.Kubernetes;

/// <summary>The measuring process: informer initial sync (time, memory), informer event throughput under churn, raw watch throughput.</summary>
internal static class ClientRole
{
    public static async Task RunAsync(int pods, int churn)
    {
        using var emulator = StartEmulator(pods, out var port);
        using var client = new KubernetesClient(new KubernetesConnection(new Uri($"http://127.0.0.1:{port}")), new KubernetesClientSettings { Qps = 0 });
        var self = Process.GetCurrentProcess();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        self.Refresh();
        var rssBefore = self.WorkingSet64;

        var sync = Stopwatch.StartNew();
        await using var informer = new Informer<Pod>(client).Start();
        await informer.WaitForSyncAsync(CancellationToken.None);
        sync.Stop();
        self.Refresh();
        var peakRss = self.PeakWorkingSet64;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"informer initial sync: {informer.List().Count} pods in {sync.Elapsed.TotalSeconds:0.00} s ({informer.List().Count / sync.Elapsed.TotalSeconds:0} pods/s, pages of 500)");
        Console.WriteLine($"  managed heap held by the cache: {(heapAfter - heapBefore) / 1048576.0:0.0} MiB ({(heapAfter - heapBefore) / (double)Math.Max(1, pods) / 1024:0.0} KiB/pod)");
        Console.WriteLine($"  process peak working set: {peakRss / 1048576.0:0} MiB (before the informer: {rssBefore / 1048576.0:0} MiB)");

        var updates = 0;
        using var counting = informer.AddHandler(new InformerHandler<Pod>(OnUpdate: (_, _) => Interlocked.Increment(ref updates)));
        var churnClock = Stopwatch.StartNew();
        await emulator.StandardInput.WriteLineAsync($"churn {churn}");
        await emulator.StandardInput.FlushAsync();
        while (Volatile.Read(ref updates) < churn)
        {
            await Task.Delay(5);
        }

        churnClock.Stop();
        Console.WriteLine($"informer under churn: {churn} MODIFIED events applied in {churnClock.Elapsed.TotalSeconds:0.00} s ({churn / churnClock.Elapsed.TotalSeconds:0} events/s, server-side changes included)");

        var watchClock = Stopwatch.StartNew();
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

        watchClock.Stop();
        Console.WriteLine($"raw watch decode: {received} ADDED events in {watchClock.Elapsed.TotalSeconds:0.00} s ({received / watchClock.Elapsed.TotalSeconds:0} events/s, typed Pod objects)");
        var listClock = Stopwatch.StartNew();
        var listed = 0;
        await foreach (var _ in client.ListAllAsync<Pod>(pageSize: 500))
        {
            listed++;
        }

        listClock.Stop();
        Console.WriteLine($"warm paged list (decode only, nothing kept): {listed} pods in {listClock.Elapsed.TotalSeconds:0.00} s");
        emulator.StandardInput.Close();
        await emulator.WaitForExitAsync();
    }

    private static Process StartEmulator(int pods, out int port)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(ClientRole).Assembly.Location);
        info.ArgumentList.Add("--role-emulator");
        info.ArgumentList.Add("--pods");
        info.ArgumentList.Add(pods.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator");
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.WriteLine($"[emulator] {line}");
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                port = int.Parse(line[10..], System.Globalization.CultureInfo.InvariantCulture);
                _ = Task.Run(() => process.StandardOutput.ReadToEnd());
                return process;
            }
        }

        throw new InvalidOperationException("the emulator exited before listening");
    }
}
