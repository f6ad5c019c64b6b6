using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.Router.Cluster;
using AwsIntegrations.Benchmarks.Router.Load;
using AwsIntegrations.Benchmarks.Router.Sides;

namespace AwsIntegrations.Benchmarks.Router.Table;

/// <summary>
/// One Router process whose cluster grows through the sizes (Ingresses, Services and EndpointSlices written to the emulator);
/// at each size, once the last Ingress routes, wrk sends requests spread over all the Ingresses' hosts and paths.
/// </summary>
public static class ScaleThroughput
{
    public static async Task<List<ThroughputFigures>> MeasureAsync(IReadOnlyList<int> sizes, WrkSettings wrk, TimeSpan duration, TimeSpan warmup, int rounds, string dir)
    {
        var backendPort = AwsIntegrations.Testing.FreePort.Next();
        await using var backend = ProxyProcesses.StartNginx(dir, "scale-backend", NginxConfig.Backend(dir, backendPort, workers: 1));
        await using var router = await RouterProcess.StartAsync(dir);
        var figures = new List<ThroughputFigures>();
        var written = 0;
        foreach (var size in sizes)
        {
            ClusterWriter.Write(router.Kube, SyntheticCluster.Create(written, size, _ => ["127.0.0.1"], backendPort));
            written = size;
            await Readiness.WaitForOkAsync(router.Port, SyntheticCluster.RequestHost(size - 1), "/", router.Process, $"the Router with {size:N0} Ingresses", TimeSpan.FromMinutes(3));
            var script = WrkScript.Write(dir, size);
            // JIT tiers (three times longer for the first size: the process is new), connections, the new routes' metrics.
            await Wrk.RunAsync(wrk, router.Port, size == sizes[0] ? warmup * 3 : warmup, script);
            var results = new List<WrkResult>();
            for (var round = 0; round < rounds; round++)
            {
                results.Add(await Wrk.RunAsync(wrk, router.Port, duration, script));
            }

            figures.Add(new ThroughputFigures(size, (int)await router.MetricAsync("router_routes"), new(results.Select(r => r.RequestsPerSecond)),
                new(results.Select(r => r.P99Ms)), router.ResidentMegabytes(), results.Sum(r => r.Errors)));
        }

        return figures;
    }
}
