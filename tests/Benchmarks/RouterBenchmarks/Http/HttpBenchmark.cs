using AwsIntegrations.Benchmarking;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Routing;
using AwsIntegrations.Benchmarks.Router.Cluster;
using AwsIntegrations.Benchmarks.Router.Load;
using AwsIntegrations.Benchmarks.Router.Sides;

namespace AwsIntegrations.Benchmarks.Router.Http;

/// <summary>
/// Four sides to one backend, with the same wrk settings: straight to the backend (the ceiling), nginx, haproxy and the Router.
/// The sides are rotated each round; medians with their spread, and the ratios measured round by round.
/// </summary>
public static class HttpBenchmark
{
    public const string Host = "bench.example.com";

    /// <summary>The same backend behind a route with a filter chain (skipper-filter), measured beside the plain route.</summary>
    public const string FilteredHost = "filtered.bench.example.com";

    public const string FilterChain =
        "setRequestHeader(\"X-Request-Id\", \"${request.header.X-Amzn-Trace-Id}\") -> appendRequestHeader(\"X-Forwarded-Via\", \"router\") " +
        "-> dropRequestHeader(\"X-Debug\") -> setResponseHeader(\"X-Served-By\", \"router\") -> setResponseHeader(\"Cache-Control\", \"no-store\")";

    public static async Task RunAsync(BenchmarkArguments args, string dir)
    {
        var duration = TimeSpan.FromSeconds(args.Number("--duration", 10, 3));
        var warmup = TimeSpan.FromSeconds(args.Number("--warmup", 5, 2));
        var rounds = args.Number("--rounds", 7, 5);
        var wrk = new WrkSettings(args.Number("--threads", 2), args.Number("--connections", 64), Host);
        var cores = Environment.ProcessorCount;

        var backendPort = FreePort.Next();
        await using var backend = ProxyProcesses.StartNginx(dir, "backend", NginxConfig.Backend(dir, backendPort, workers: 1));
        await using var router = await RouterProcess.StartAsync(dir);
        ClusterWriter.Write(router.Kube, OneIngress(backendPort));
        ClusterWriter.Write(router.Kube, FilteredIngress(backendPort));
        var nginxPort = FreePort.Next();
        await using var nginx = ProxyProcesses.StartNginx(dir, "nginx", NginxConfig.Proxy(dir, nginxPort, backendPort, cores, Host));
        var haproxyPort = FreePort.Next();
        await using var haproxy = ProxyProcesses.StartHaproxy(dir, "haproxy", HaproxyConfig.Proxy(haproxyPort, backendPort, cores, Host));
        var filtered = wrk with { Host = FilteredHost };
        (string Name, int Port, ChildProcess Process, WrkSettings Wrk)[] sides =
        [
            ("direct", backendPort, backend, wrk), ("nginx", nginxPort, nginx, wrk), ("haproxy", haproxyPort, haproxy, wrk),
            ("Router", router.Port, router.Process, wrk), (HttpReport.FilteredSide, router.Port, router.Process, filtered),
        ];
        foreach (var (name, port, process, settings) in sides)
        {
            await Readiness.WaitForOkAsync(port, settings.Host, "/", process, name);
        }

        Console.WriteLine();
        Console.WriteLine("### HTTP: the Router beside nginx and haproxy, same backend");
        Console.WriteLine();
        Console.WriteLine($"Load: `{wrk.Describe(duration)}` (wrk {ToolVersions.Wrk()}) on every side, {rounds} rounds with the four sides rotated (a different side first each round), " +
                          $"after a {warmup.TotalSeconds:0} s warm-up of each. All processes share the machine's {cores} cores with wrk.");
        Console.WriteLine($"Backend: nginx {ToolVersions.Nginx()} `return 200 \"ok\"` (1 worker). nginx proxy: {cores} workers, upstream keep-alive 256, " +
                          $"keepalive_requests 1,000,000 on both sides. haproxy {ToolVersions.Haproxy()}: mode http, nbthread {cores}, `http-reuse always`. " +
                          "Router: its Release build as shipped (workstation GC), default flags except loopback addresses, `--log-level warning` and " +
                          "`--shutdown-delay 0s`; routes from the Kubernetes emulator (one Ingress, one EndpointSlice). " +
                          $"{HttpReport.FilteredSide}: the same Router and backend through a second Ingress (Host: {FilteredHost}) whose route has the filter chain `{FilterChain}`.");
        foreach (var side in sides)
        {
            await Wrk.RunAsync(side.Wrk, side.Port, warmup);
        }

        var results = await Alternating.RunAsync(rounds, [.. sides.Select(side => (side.Name, (Func<int, Task<WrkResult>>)(_ => Wrk.RunAsync(side.Wrk, side.Port, duration))))]);
        var report = new HttpReport(results);
        report.Print();
        report.PrintSummary();
        await RouteChange.MeasureAsync(router, backendPort, args.Number("--route-changes", 15, 9));
    }

    /// <summary>A second plain Ingress (Ingress 4 of the synthetic cluster) on its own host, with the filter chain.</summary>
    private static ClusterState FilteredIngress(int backendPort)
    {
        var state = SyntheticCluster.Create(4, 5, _ => ["127.0.0.1"], backendPort);
        state.Ingresses[0].Spec!.Rules![0].Host = FilteredHost;
        state.Ingresses[0].Metadata.Annotations = new Dictionary<string, string> { [SkipperAnnotations.FilterAnnotation] = FilterChain };
        return state;
    }

    private static ClusterState OneIngress(int backendPort)
    {
        var state = SyntheticCluster.Create(0, 1, _ => ["127.0.0.1"], backendPort);
        state.Ingresses[0].Spec!.Rules![0].Host = Host;
        return state;
    }
}
