using System.Diagnostics;
using System.Globalization;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Benchmarks.Router.Cluster;
using AwsIntegrations.Benchmarks.Router.Load;
using AwsIntegrations.Benchmarks.Router.Sides;

namespace AwsIntegrations.Benchmarks.Router.Rollout;

/// <summary>
/// The rollout under load: wrk through the Router for a while, and during it a Deployment behind it is rolled out again and
/// again; every request that did not get a 2xx, or met a socket error, counts. Issue 8's goal: zero. Two kinds of application:
/// one that stops its HTTP server on SIGTERM (ASP.NET Core's default) and one whose process simply exits.
/// </summary>
public static class RolloutBenchmark
{
    public static async Task RunAsync(BenchmarkArguments args, string dir)
    {
        var runs = args.Number("--rollout-runs", 3, 1);
        var duration = TimeSpan.FromSeconds(args.Number("--rollout-duration", 20, 10));
        var replicas = args.Number("--replicas", 3);
        var kinds = new[]
        {
            new PodKind("server stops", "ASP.NET Core app (Kestrel) stopping its server as the host does by default: listener closed, " +
                "requests in flight finished (≤ 0.5 s), kept-alive connections closed cleanly", 2, async (ip, port) => await KestrelPod.StartAsync(ip, port)),
            new PodKind("process exits", "a process that exits at once (nginx's fast shutdown): the kernel resets its connections, " +
                "including requests sent but not read yet", 3, async (ip, port) => await ProcessPod.StartAsync(dir, ip, port)),
        };

        await using var router = await RouterProcess.StartAsync(dir);
        var deployments = new List<(PodKind Kind, Deployment Deployment, WrkSettings Wrk)>();
        try
        {
            foreach (var kind in kinds)
            {
                var service = "app-" + kind.Subnet;
                var host = service + ".rollout.example.com";
                var deployment = new Deployment(kind.Start, router.Kube, "default", service, AwsIntegrations.Testing.FreePort.Next(), kind.Subnet);
                deployments.Add((kind, deployment, new WrkSettings(args.Number("--threads", 2), args.Number("--connections", 64), host)));
                await deployment.ScaleUpAsync(replicas);
                ClusterWriter.Write(router.Kube, OneIngress(service, host));
                await Readiness.WaitForOkAsync(router.Port, host, "/", router.Process, "the Router");
            }

            var figures = new List<RolloutFigures>();
            for (var run = 0; run < runs; run++)
            {
                foreach (var (kind, deployment, wrk) in run % 2 == 0 ? deployments : Enumerable.Reverse(deployments))
                {
                    figures.Add(await RunOnceAsync(router, kind, deployment, wrk, duration, firstOrder: run % 2 == 0));
                }
            }

            Print(figures, deployments[0].Wrk, duration, replicas, kinds);
        }
        finally
        {
            foreach (var (_, deployment, _) in deployments)
            {
                await deployment.DisposeAsync();
            }
        }
    }

    private static AwsIntegrations.Router.Routing.ClusterState OneIngress(string service, string host)
    {
        var state = SyntheticCluster.Create(0, 1, _ => [], 80);
        var ingress = state.Ingresses[0];
        ingress.Metadata.NamespaceProperty = state.Services[0].Metadata.NamespaceProperty = "default";
        ingress.Metadata.Name = state.Services[0].Metadata.Name = service;
        ingress.Spec!.Rules![0].Host = host;
        foreach (var path in ingress.Spec.Rules[0].Http!.Paths)
        {
            path.Backend.Service!.Name = service;
        }
        return state with { EndpointSlices = [] }; // the Deployment writes its own
    }

    private static async Task<RolloutFigures> RunOnceAsync(RouterProcess router, PodKind kind, Deployment deployment, WrkSettings wrk, TimeSpan duration, bool firstOrder)
    {
        var retriesBefore = await router.MetricAsync("router_retries_total");
        var failuresBefore = await router.MetricAsync("router_upstream_connect_failures_total");
        var logBefore = router.Process.StandardOutput.Count;
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

        return new RolloutFigures(kind, rollouts, deployment.PodsReplaced - podsBefore, result,
            await router.MetricAsync("router_retries_total") - retriesBefore,
            await router.MetricAsync("router_upstream_connect_failures_total") - failuresBefore,
            ForwardingFailures.Count(router.Process.StandardOutput.Skip(logBefore)));
    }

    private static void Print(List<RolloutFigures> figures, WrkSettings wrk, TimeSpan duration, int replicas, PodKind[] kinds)
    {
        Console.WriteLine();
        Console.WriteLine("### Rollout under load");
        Console.WriteLine();
        Console.WriteLine($"`{wrk.Describe(duration).Replace(wrk.Host, "<app>.rollout.example.com", StringComparison.Ordinal)}` through the Router " +
                          "(Release build, default flags: `--retries 3`, `--ejection-duration 10s`, `--connect-timeout 2s`) " +
                          $"while a Deployment of {replicas} pods behind it is rolled out back to back (maxSurge 1, maxUnavailable 0), no preStop sleep. " +
                          "Per replaced pod: the new pod appears in the EndpointSlice not ready, is ready 100 ms later and takes ≥ 50 requests; then the " +
                          "old pod's SIGTERM and its endpoint's `terminating` update race (alternating which comes first from one rollout to the next); " +
                          "then its endpoint is removed. The Router uses ready endpoints only (terminating ones only when none is ready), retries a " +
                          "request whose connection was refused on another endpoint and ejects that one, and repeats an idempotent request whose " +
                          "kept-alive connection the pod closed before answering. Two applications:");
        foreach (var kind in kinds)
        {
            Console.WriteLine($"- **{kind.Name}**: {kind.Description}.");
        }

        var table = new MarkdownTable("run", "application", "rollouts", "pods replaced", "requests", "req/s", "non-2xx", "socket errors", "Router retries", "upstream connect failures");
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            table.Add((i + 1).ToString(CultureInfo.InvariantCulture), f.Kind.Name, N(f.Rollouts), N(f.PodsReplaced), N(f.Load.Requests), N((long)f.Load.RequestsPerSecond),
                N(f.Load.Non2xx), f.Load.SocketErrors.ToString(), N((long)f.Retries), N((long)f.ConnectFailures));
        }

        table.Print("Requests during rollouts");
        var causes = new MarkdownTable("application", "forwarding failure the Router did not retry (its log)", "count");
        foreach (var group in figures.SelectMany(f => f.Failures.Select(c => (f.Kind.Name, Cause: c.Key, c.Value))).GroupBy(c => (c.Name, c.Cause)))
        {
            causes.Add(group.Key.Name, group.Key.Cause, N(group.Sum(c => c.Value)));
        }

        if (figures.Any(f => f.Failures.Count > 0))
        {
            causes.Print("Why requests failed");
        }

        var verdicts = kinds.Select(kind =>
        {
            var mine = figures.Where(f => f.Kind == kind).ToList();
            var failed = mine.Sum(f => f.Load.Errors);
            return (Text: $"{kind.Name}: {N(failed)} of {N(mine.Sum(f => f.Load.Requests))} requests failed ({N(mine.Sum(f => f.PodsReplaced))} pods replaced)", Met: failed == 0);
        }).ToList();
        Summary.Print("router", "non-2xx and socket errors during rollouts", string.Join("; ", verdicts.Select(v => v.Text)),
            "Skipper: 5xx in the 2–3 s between pod exit and its next poll (zalando/skipper#652)",
            "goal 0: " + string.Join(", ", kinds.Zip(verdicts, (k, v) => $"{(v.Met ? "met" : "not met")} ({k.Name})")));
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
