using System.Diagnostics;
using System.Globalization;
using AwsIntegrations.Benchmarking;
using Router.Benchmarks.Cluster;
using Router.Benchmarks.Load;
using Router.Benchmarks.Sides;

namespace Router.Benchmarks.Rollout;

/// <summary>
/// The rollout under load: wrk through the Router for a while, and during it the backend Deployment is rolled out again and
/// again; every request that did not get a 2xx, or met a socket error, counts. Issue 8's goal: zero.
/// </summary>
public static class RolloutBenchmark
{
    private const string Host = "rollout.example.com";

    public static async Task RunAsync(BenchmarkArguments args, string dir)
    {
        var runs = args.Number("--rollout-runs", 3, 1);
        var duration = TimeSpan.FromSeconds(args.Number("--rollout-duration", 20, 10));
        var replicas = args.Number("--replicas", 3);
        var wrk = new WrkSettings(args.Number("--threads", 2), args.Number("--connections", 64), Host);

        await using var router = await RouterProcess.StartAsync(dir);
        var port = AwsIntegrations.Testing.FreePort.Next();
        await using var deployment = new Deployment(router.Kube, "default", "app", port);
        var state = SyntheticCluster.Create(0, 1, _ => [], port);
        state.Ingresses[0].Metadata.Namespace = state.Services[0].Metadata.Namespace = "default";
        state.Ingresses[0].Spec!.Rules![0].Host = Host;
        state.Ingresses[0].Metadata.Name = state.Services[0].Metadata.Name = "app";
        state.Ingresses[0].Spec!.Rules![0].Http!.Paths.ForEach(p => p.Backend.Service!.Name = "app");
        await deployment.ScaleUpAsync(replicas);
        ClusterWriter.Write(router.Kube, state with { EndpointSlices = [] });
        await Readiness.WaitForOkAsync(router.Port, Host, "/", router.Process, "the Router");

        var figures = new List<RolloutFigures>();
        for (var run = 0; run < runs; run++)
        {
            figures.Add(await RunOnceAsync(router, deployment, wrk, duration, firstOrder: run % 2 == 0));
        }

        Print(figures, wrk, duration, replicas);
    }

    private static async Task<RolloutFigures> RunOnceAsync(RouterProcess router, Deployment deployment, WrkSettings wrk, TimeSpan duration, bool firstOrder)
    {
        var retriesBefore = await router.MetricAsync("router_retries_total");
        var failuresBefore = await router.MetricAsync("router_upstream_connect_failures_total");
        var podsBefore = deployment.PodsReplaced;
        var clock = Stopwatch.StartNew();
        var load = Wrk.RunAsync(wrk, router.Port, duration);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // wrk's connections are up and busy before the first pod goes
        var rollouts = 0;
        var exitFirst = firstOrder;
        while (clock.Elapsed < duration * 0.7 && !load.IsCompleted)
        {
            await deployment.RollOutAsync(exitFirst);
            exitFirst = !exitFirst;
            rollouts++;
        }

        var result = await load;
        if (clock.Elapsed < duration)
        {
            throw new InvalidOperationException("wrk ended before the rollouts did: the load did not cover them");
        }

        return new RolloutFigures(rollouts, deployment.PodsReplaced - podsBefore, result,
            await router.MetricAsync("router_retries_total") - retriesBefore,
            await router.MetricAsync("router_upstream_connect_failures_total") - failuresBefore);
    }

    private static void Print(List<RolloutFigures> figures, WrkSettings wrk, TimeSpan duration, int replicas)
    {
        Console.WriteLine();
        Console.WriteLine("### Rollout under load");
        Console.WriteLine();
        Console.WriteLine($"`{wrk.Describe(duration)}` through the Router (Release build, default flags: `--retries 3`, `--ejection-duration 10s`, `--connect-timeout 2s`) " +
                          $"while a Deployment of {replicas} pods behind it is rolled out back to back (maxSurge 1, maxUnavailable 0). Each pod is a " +
                          "Kestrel app on its own 127.0.2.x address that exits at once on SIGTERM (half a second for requests in flight, no preStop sleep). " +
                          "Per replaced pod: the new pod appears in the EndpointSlice not ready, is ready 100 ms later and takes ≥ 50 requests; then the " +
                          "old pod's SIGTERM and its endpoint's `terminating` update race (alternating which comes first from one rollout to the next); " +
                          "then its endpoint is removed. The Router uses ready endpoints only (terminating ones only when none is ready), retries a " +
                          "request whose connection was refused on another endpoint and ejects that one, and repeats an idempotent request whose " +
                          "kept-alive connection the pod closed before answering.");
        var table = new MarkdownTable("run", "rollouts", "pods replaced", "requests", "req/s", "non-2xx", "socket errors", "Router retries", "upstream connect failures");
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            table.Add((i + 1).ToString(CultureInfo.InvariantCulture), N(f.Rollouts), N(f.PodsReplaced), N(f.Load.Requests), N((long)f.Load.RequestsPerSecond),
                N(f.Load.Non2xx), f.Load.SocketErrors.ToString(), N((long)f.Retries), N((long)f.ConnectFailures));
        }

        table.Print("Requests during rollouts");
        var requests = figures.Sum(f => f.Load.Requests);
        var non2xx = figures.Sum(f => f.Load.Non2xx);
        var socketErrors = figures.Sum(f => f.Load.SocketErrors.Total);
        Summary.Print("router", "non-2xx responses during rollouts",
            $"{N(non2xx)} non-2xx, {N(socketErrors)} socket errors of {N(requests)} requests ({N(figures.Sum(f => f.PodsReplaced))} pods replaced)",
            "Skipper: 5xx in the 2–3 s between pod exit and its next poll (zalando/skipper#652)",
            $"goal 0: {(non2xx + socketErrors == 0 ? "met" : "not met")}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
