using System.Diagnostics;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Benchmarks.Router.Cluster;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>Builds the route table from a synthetic cluster the way the Router does and measures what it costs.</summary>
public static class BuildCost
{
    /// <summary>Enough builds for the JIT to have finished with the builder: 30 calls to instrument it, 30 more to compile it fully, and slack.</summary>
    public const int WarmUpBuilds = 100;

    /// <summary>
    /// Rebuilds a 1,000-Ingress cluster <see cref="WarmUpBuilds"/> times, so that what is measured next is the steady cost of a
    /// Router that has been rebuilding for a while, not the JIT's warm-up (which otherwise decides the figure at 10,000).
    /// </summary>
    public static void WarmUp()
    {
        var state = SyntheticCluster.Create(1_000);
        var settings = Settings();
        for (var i = 0; i < WarmUpBuilds; i++)
        {
            RouteTableBuilder.Build(state, settings);
        }
    }

    public static BuildFigures Measure(int size, int repetitions)
    {
        var state = SyntheticCluster.Create(size);
        var settings = Settings();
        RouteTableBuilder.Build(state, settings);

        var wall = new List<double>();
        var cpu = new List<double>();
        var allocated = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (var i = 0; i < repetitions; i++)
        {
            GC.Collect();
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            _ = RouteTableBuilder.Build(state, settings);
            wall.Add(clock.Elapsed.TotalMilliseconds);
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            allocated.Add((GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1048576.0);
            settings.State.Sweep();
        }

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var kept = RouteTableBuilder.Build(state, Settings());
        var held = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1048576.0;
        GC.KeepAlive(kept);
        return new BuildFigures(size, kept.Table.RouteCount, new(wall), new(cpu), new(allocated), Measurement.Of(held));
    }

    public static BuildSettings Settings() => new("aws-integrations", LoadBalancing.RoundRobin, TimeSpan.FromSeconds(60), new EndpointRegistry());
}
