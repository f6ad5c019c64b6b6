using System.Globalization;
using AwsIntegrations.Benchmarking;

namespace AwsIntegrations.Benchmarks.Kubernetes;

/// <summary>The Markdown tables (per size, growth) and the SUMMARY lines.</summary>
internal static class KubernetesReport
{
    public static void Print(IReadOnlyList<SizeResult> results, int churn, int rounds)
    {
        Console.WriteLine();
        Console.WriteLine("### Kubernetes client: informer initial sync and memory");
        Console.WriteLine();
        Console.WriteLine("The Kubernetes emulator (a child process) holds N realistic pods (~1.7 KB of JSON each: labels, annotations, an owner, a "
            + "container with ports, env and resources, tolerations, status with IPs and conditions). Each of the "
            + $"{rounds} rounds per size is a fresh client process, as a daemon starts (JIT included; its memory is its own): a pod informer's initial sync (paged list, 500 per page, until "
            + $"HasSynced), {churn:N0} changes made on the server and counted in the informer's update handler, and one raw watch that replays "
            + "every pod as ADDED, decoded by ours (once per line) and by KubernetesClient's WatchListNamespacedPodAsync. Heap: managed memory the synced cache holds (after a full collection). Peak RSS: the process's high-water "
            + "mark during the sync (reset before it). Median (min–max) over the rounds.");
        Console.WriteLine();
        var table = new MarkdownTable("pods", "initial sync", "pods/s", "cache heap", "heap per pod", "peak RSS during sync", "informer under churn", "raw watch decode", "KubernetesClient's watch");
        foreach (var r in results)
        {
            table.Add(N(r.Pods), r.Of("sync", "seconds").Format("0.00", " s"), new Measurement(r.Figures["sync"].Select(f => r.Pods / f["seconds"])).Format("N0"),
                r.Of("sync", "heap_mib").Format("N0", " MiB"), new Measurement(r.Figures["sync"].Select(f => f["heap_mib"] * 1024 / r.Pods)).Format("0.0", " KiB"),
                r.Of("sync", "peak_mib").Format("N0", " MiB"), r.Rate("churn", "events").Format("N0", " events/s"), r.Rate("watch", "events").Format("N0", " events/s"), r.Rate("watch_k8s", "events").Format("N0", " events/s"));
        }

        table.Print();
        var sizes = results.Select(r => r.Pods).ToArray();
        Growth.Table("pods", "initial sync", sizes, results.Select(r => r.Of("sync", "seconds")).ToArray(), "0.00", " s").Print("Growth: informer initial sync time");
        Growth.Table("pods", "cache heap", sizes, results.Select(r => r.Of("sync", "heap_mib")).ToArray(), "N0", " MiB").Print("Growth: managed heap held by the cache");
        Growth.Table("pods", "peak RSS during sync", sizes, results.Select(r => r.Of("sync", "peak_mib")).ToArray(), "N0", " MiB").Print("Growth: peak RSS during the sync");
        Growth.Table("pods", "raw watch replay", sizes, results.Select(r => r.Of("watch", "seconds")).ToArray(), "0.00", " s").Print("Growth: raw watch replay of every pod");

        var largest = results[^1];
        Summary.Print("kubernetes", $"informer initial sync of {N(largest.Pods)} pods (s)", largest.Of("sync", "seconds").Format("0.00"), "—",
            results.Count > 1 ? Growth.Ratios([results[^2].Pods, largest.Pods], [results[^2].Of("sync", "seconds").Median, largest.Of("sync", "seconds").Median])[1] : "—");
        Summary.Print("kubernetes", $"cache heap / peak RSS at {N(largest.Pods)} pods (MiB)", $"{largest.Of("sync", "heap_mib").Format("N0")} / {largest.Of("sync", "peak_mib").Format("N0")}", "—",
            $"{largest.Of("sync", "heap_mib").Median * 1024 / largest.Pods:0.0} KiB of heap per pod");
        Summary.Print("kubernetes", $"informer under churn at {N(largest.Pods)} pods (events/s)", largest.Rate("churn", "events").Format("N0"), "—", "—");
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
