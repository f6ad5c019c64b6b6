using System.Diagnostics;
using System.Net;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.Router.Cluster;
using AwsIntegrations.Benchmarks.Router.Sides;

namespace AwsIntegrations.Benchmarks.Router.Http;

/// <summary>Time from writing a new Ingress into the API server to the first request the Router routes with it (watch + rebuild + swap).</summary>
public static class RouteChange
{
    public static async Task MeasureAsync(RouterProcess router, int backendPort, int samples)
    {
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var ingress = SyntheticCluster.Create(0, 1, _ => ["127.0.0.1"], backendPort).Ingresses[0];
            var host = $"new-{i}.example.com";
            ingress.Metadata.Name = $"new-{i}";
            ingress.Spec!.Rules![0].Host = host;
            var clock = Stopwatch.StartNew();
            ClusterWriter.Create(router.Kube, ingress);
            while (await Readiness.StatusAsync(router.Port, host, "/") != HttpStatusCode.OK)
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"the Router did not route {host} within 30 s");
                }
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        new MarkdownTable("samples", "Ingress created → first request routed by it (ms)")
            .Add(samples.ToString(System.Globalization.CultureInfo.InvariantCulture), new Measurement(times).Format("0.0"))
            .Print("Route change (issue 8 goal: within 100 ms of the watch event)");
    }
}
