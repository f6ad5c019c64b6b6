using System.Diagnostics;
using Router.Backends;
using Router.Options;
using Router.Routing;

namespace Router.Benchmarks;

/// <summary>Route-table build time (median of 7), memory held by the table, and lookup time per request at several sizes.</summary>
public static class TableBenchmark
{
    public static void Run(int[] sizes, bool plainGc = false)
    {
        Console.WriteLine($"Builds {(plainGc ? "with normal GC" : "in a no-GC region (GcQuietBuild, as the Router does)")}; wall time is affected by machine load, CPU time is the process's (build + GC threads).");
        Console.WriteLine("| Ingresses | routes | build median wall (ms) | build median CPU (ms) | build max wall (ms) | table memory (MB) | allocated per build (MB) | lookup min / median (ns) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var state = SyntheticCluster.Create(size);
            var settings = new BuildSettings("aws-integrations", LoadBalancing.RoundRobin, TimeSpan.FromSeconds(60), new EndpointRegistry());
            RouteTableBuilder.Build(state, settings);

            var times = new List<double>();
            var allocated = new List<double>();
            var cpu = new List<double>();
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            for (var i = 0; i < 7; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                _ = plainGc ? RouteTableBuilder.Build(state, settings) : GcQuietBuild.Build(state, settings);
                times.Add(clock.Elapsed.TotalMilliseconds);
                self.Refresh();
                cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                allocated.Add((GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0);
            }

            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var kept = RouteTableBuilder.Build(state, new BuildSettings("aws-integrations", LoadBalancing.RoundRobin, TimeSpan.FromSeconds(60), new EndpointRegistry()));
            var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
            var lookups = LookupNanoseconds(kept.Table, size);
            GC.KeepAlive(kept);

            Console.WriteLine($"| {size:N0} | {kept.Table.RouteCount:N0} | {Median(times):F1} | {Median(cpu):F1} | {times.Max():F1} | {(heapAfter - heapBefore) / 1048576.0:F1} | {Median(allocated):F1} | {lookups.Min:F0} / {lookups.Median:F0} |");
        }
    }

    private static (double Min, double Median) LookupNanoseconds(RouteTable table, int size)
    {
        var random = new Random(42);
        var requests = Enumerable.Range(0, 4096).Select(_ =>
        {
            var i = random.Next(size);
            var path = (random.Next(4)) switch { 0 => "/", 1 => "/api/v" + (i % 3) + "/orders/123", 2 => "/health", _ => "/static/css/site.css" };
            return (Host: SyntheticCluster.RequestHost(i), Path: path);
        }).ToArray();

        var samples = new List<double>();
        for (var round = 0; round < 9; round++)
        {
            const int Count = 400_000;
            var misses = 0;
            var clock = Stopwatch.StartNew();
            for (var n = 0; n < Count; n++)
            {
                var (host, path) = requests[n & 4095];
                if (table.Match(host, path) is null)
                {
                    misses++;
                }
            }

            samples.Add(clock.Elapsed.TotalNanoseconds / Count);
            if (misses > 0)
            {
                throw new InvalidOperationException($"{misses} lookups found no route: the synthetic cluster is wrong");
            }
        }

        var steady = samples.Skip(2).ToList();
        return (steady.Min(), Median(steady));
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
