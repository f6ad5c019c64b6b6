using System.Globalization;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.Router.Load;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>
/// The route table along sizes of the cluster: build time and memory (in this process, as the Router builds), lookup time
/// (BenchmarkDotNet), and requests/s through the Router process holding that many Ingresses. A growth table for each cost.
/// </summary>
public static class TableBenchmark
{
    public static async Task RunAsync(BenchmarkArguments args, string dir)
    {
        var sizes = args.Numbers("--sizes", [10, 100, 1_000, 10_000]).Order().ToArray();
        var repetitions = args.Number("--builds", 9, 5);
        var duration = TimeSpan.FromSeconds(args.Number("--scale-duration", 5, 2));
        var rounds = args.Number("--scale-rounds", 3);
        var warmup = TimeSpan.FromSeconds(args.Number("--scale-warmup", 5, 3));
        var wrk = new WrkSettings(args.Number("--threads", 2), args.Number("--connections", 64), "(per request, from the script)");

        var (firstBuildMs, firstBuildReadyToRunMs) = await FirstTable.MeasureAsync(sizes[^1], AwsIntegrations.Testing.FreePort.Next(), dir);
        BuildCost.WarmUp();
        var builds = sizes.Select(size => BuildCost.Measure(size, repetitions)).ToList();
        var (lookups, lookupJob) = LookupTimes.Measure(sizes, args.Quick, Path.Combine(dir, "BenchmarkDotNet"));
        var throughput = await ScaleThroughput.MeasureAsync(sizes, wrk, duration, warmup, rounds, dir);

        Console.WriteLine();
        Console.WriteLine("### Route table at " + string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture))) + " Ingresses");
        Console.WriteLine();
        Console.WriteLine("Synthetic cluster: each Ingress its own host (every tenth a `*.` wildcard) with three paths (`/` and `/api/vK`, " +
                          $"`/health` Exact), a Service and an EndpointSlice, in {Cluster.SyntheticCluster.Namespaces} namespaces; skipper's route language in use: " +
                          Cluster.SyntheticCluster.Features + ".");
        Console.WriteLine($"- Build: `RouteTableBuilder.Build` as the Router calls it, in this process (with the Router's deployed gen0 budget, DOTNET_GCgen0size=0x4000000), {repetitions} builds per size after one warm-up at that size, " +
                          $"all after {BuildCost.WarmUpBuilds} builds of 1,000 Ingresses (the steady cost of a Router that has been rebuilding for a while); " +
                          "wall and CPU time (the process's, GC and JIT threads included), bytes allocated per build, and managed heap held by the finished table. " +
                          $"The first table of a just-started Router process on a cluster of {N(sizes[^1])} Ingresses (its own router_route_table_build_duration_seconds): " +
                          $"{firstBuildMs:0} ms for the Release build (the JIT compiling the builder as it goes), " +
                          (firstBuildReadyToRunMs is { } r2r ? $"{r2r:0} ms for the image's ReadyToRun publish (Dockerfile.base)." : "the ReadyToRun publish was not made (run.sh makes it)."));
        Console.WriteLine($"- Lookup: {lookupJob}; GET requests to random Ingresses and paths (a quarter fall back to `/`), the predicates of the routes found evaluated.");
        Console.WriteLine($"- Router: the Release build reading the growing cluster from the Kubernetes emulator (all endpoints at one nginx `return 200` backend); " +
                          $"`wrk -t{wrk.Threads} -c{wrk.Connections} -d{duration.TotalSeconds:0}s` × {rounds} per size after {warmup.TotalSeconds:0} s of warm-up ({warmup.TotalSeconds * 3:0} s for the first), with a Lua script cycling through " +
                          "requests to random Ingresses (Host and path); resident memory (VmRSS) after the runs.");
        var table = new MarkdownTable("Ingresses", "routes", "build wall ms", "build CPU ms", "allocated per build MB", "table held MB",
            "lookup ns", "Router routes", "Router req/s", "Router p99 ms", "Router RSS MB", "failed requests");
        foreach (var (build, run) in builds.Zip(throughput))
        {
            table.Add(N(build.Ingresses), N(build.Routes), build.WallMs.Format("0.0"), build.CpuMs.Format("0.0"), build.AllocatedMb.Format("0.0"),
                build.HeldMb.Format("0.0"), lookups[build.Ingresses].Format("0"), N(run.Routes), run.RequestsPerSecond.Format(), run.P99Ms.Format("0.00"),
                run.ResidentMb.ToString("0", CultureInfo.InvariantCulture), N(run.FailedRequests));
        }

        table.Print("Costs by size (median, min–max)");
        Growth.Table("Ingresses", "build wall ms", sizes, [.. builds.Select(b => b.WallMs)], "0.0").Print("Growth: build wall time");
        Growth.Table("Ingresses", "build CPU ms", sizes, [.. builds.Select(b => b.CpuMs)], "0.0").Print("Growth: build CPU time");
        Growth.Table("Ingresses", "allocated per build MB", sizes, [.. builds.Select(b => b.AllocatedMb)], "0.00").Print("Growth: bytes allocated per build");
        Growth.Table("Ingresses", "table held MB", sizes, [.. builds.Select(b => b.HeldMb)], "0.00").Print("Growth: memory held by the table");
        Growth.Table("Ingresses", "lookup ns", sizes, [.. sizes.Select(s => lookups[s])], "0").Print("Growth: lookup time (goal: flat)");
        Growth.Table("Ingresses", "Router req/s", sizes, [.. throughput.Select(t => t.RequestsPerSecond)]).Print("Growth: requests/s through the Router (higher is better)");
        Growth.Table("Ingresses", "Router RSS MB", sizes, [.. throughput.Select(t => Measurement.Of(t.ResidentMb))], "0").Print("Growth: Router resident memory");
        PrintSummary(builds[^1], throughput[^1], firstBuildReadyToRunMs ?? firstBuildMs, firstBuildReadyToRunMs is null ? "Release build, JIT" : "ReadyToRun, as the image runs it");
    }

    private static void PrintSummary(BuildFigures build, ThroughputFigures run, double firstBuildMs, string firstBuildKind)
    {
        var fast = build.WallMs.Median <= 100;
        var small = Math.Max(build.AllocatedMb.Median, build.HeldMb.Median) <= 200;
        Summary.Print("router", $"route-table build at {N(build.Ingresses)} Ingresses",
            string.Create(CultureInfo.InvariantCulture, $"{build.WallMs.Median:0} ms wall ({build.CpuMs.Median:0} ms CPU) once warm, {firstBuildMs:0} ms for a just-started Router's first table ({firstBuildKind}); {build.AllocatedMb.Median:0} MB allocated, {build.HeldMb.Median:0} MB held; Router RSS {run.ResidentMb:0} MB"),
            "YARP config reload (ASP.NET DFA matcher): 357 ms, 195 MB allocated for 5k routes",
            $"goal ≤ 100 ms and ≤ 200 MB: time {(fast ? "met" : "not met")} once warm{(firstBuildMs <= 100 ? "" : ", not met by the first build")}, memory {(small ? "met" : "not met")}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
