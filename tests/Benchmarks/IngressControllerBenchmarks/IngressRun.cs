using System.Diagnostics;
using System.Text.Json.Nodes;
using AwsIntegrations.Aws;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Benchmarks.IngressController;

/// <summary>One run: fresh emulators seeded with the cluster and the certificates, a controller with the default rate limits.</summary>
internal static class Scenario
{
    public sealed record Result(int ConvergeCalls, double ConvergeSeconds, int Passes, int LoadBalancers, int CallsPerHourAtRest, int ResyncPassCalls, int ListenerCertificates);

    public static async Task<Result> RunAsync(int ingresses, int hosts, int certificates)
    {
        await using var kube = await KubernetesEmulator.StartAsync(0);
        var seed = AwsSeed.Default();
        foreach (var subnet in seed.Subnets)
        {
            subnet.Tags["kubernetes.io/role/internal-elb"] = "1"; // internal load balancers share the subnets here
        }

        await using var aws = await AwsEmulator.StartAsync(0, seed);
        Seed(kube, aws, ingresses, hosts, certificates);

        var options = new IngressControllerOptions { ClusterId = "sandbox" };
        using var http = new HttpClient();
        var transport = new AwsTransport(http, new StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
            new EndpointResolver(aws.State.Region, aws.BaseUrl.ToString(), _ => null), new AwsOptions { Region = aws.State.Region }, new AwsMetrics(), null);
        using var client = new KubernetesClient(new KubernetesConnection(kube.BaseAddress), new KubernetesClientSettings { Qps = 0 });
        await using var informers = new SharedInformerFactory(client);
        var cluster = new ClusterView(informers, options);
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var reconciler = new IngressReconciler(new ElbV2Client(transport), new Ec2Client(transport), new AcmClient(transport), client, cluster, null, options, time, new IngressMetrics());
        await cluster.WaitForSyncAsync(CancellationToken.None);

        // Converge from an empty account: passes until one succeeds and the next has nothing to do.
        var clock = Stopwatch.StartNew();
        var passes = 0;
        while (true)
        {
            passes++;
            var result = await reconciler.ReconcileAsync(CancellationToken.None);
            if (result.Succeeded && aws.Calls.All.Count > 0)
            {
                var before = aws.Calls.All.Count;
                await Eventually.HoldsAsync(() => cluster.Ingresses.List().All(i => i.Status?.LoadBalancer?.Ingress is { Count: 1 }), "statuses in the cache", TimeSpan.FromMinutes(2));
                await reconciler.ReconcileAsync(CancellationToken.None);
                if (aws.Calls.All.Count == before)
                {
                    break;
                }
            }
        }

        var convergeSeconds = clock.Elapsed.TotalSeconds;
        var convergeCalls = aws.Calls.All.Count;
        int loadBalancers, listenerCertificates;
        lock (aws.State.Gate)
        {
            loadBalancers = aws.State.LoadBalancers.Count;
            listenerCertificates = aws.State.Listeners.Sum(l => l.Certificates.Count);
            Console.WriteLine("  certificates per ALB: " + string.Join(", ", aws.State.Listeners.Where(l => l.Port == 443).Select(l => l.Certificates.Count)));
        }

        // One hour at rest, as the loop runs it: a pass every resync interval (and on the certificate polling requeue).
        aws.Calls.Clear();
        var hourEnd = time.GetUtcNow() + TimeSpan.FromHours(1);
        var resyncCalls = 0;
        while (time.GetUtcNow() + options.ResyncInterval <= hourEnd)
        {
            time.Advance(options.ResyncInterval);
            var before = aws.Calls.All.Count;
            await reconciler.ReconcileAsync(CancellationToken.None);
            resyncCalls = Math.Max(resyncCalls, aws.Calls.All.Count - before);
        }

        return new Result(convergeCalls, convergeSeconds, passes, loadBalancers, aws.Calls.All.Count, resyncCalls, listenerCertificates);
    }

    private static void Seed(KubernetesEmulator kube, AwsEmulator aws, int ingresses, int hosts, int certificates)
    {
        lock (aws.State.Gate)
        {
            for (var c = 0; c < certificates; c++)
            {
                aws.State.Certificates.Add(new Certificate
                {
                    Arn = $"arn:aws:acm:eu-central-1:123456789012:certificate/bench-{c:000}", DomainName = $"*.d{c:000}.example.org",
                    SubjectAlternativeNames = [$"*.d{c:000}.example.org"],
                    NotBefore = DateTimeOffset.UtcNow.AddDays(-1), NotAfter = DateTimeOffset.UtcNow.AddDays(300), CreatedAt = DateTimeOffset.UtcNow,
                });
            }
        }

        var instances = new[] { "i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60003" };
        for (var n = 0; n < instances.Length; n++)
        {
            kube.Create("Node", null, JsonNode.Parse($$$"""{"metadata":{"name":"node-{{{n}}}"},"spec":{"providerID":"aws:///eu-central-1a/{{{instances[n]}}}"} }""")!.AsObject());
            kube.Store.Update(kube.Store.Definition("Node"), null, $"node-{n}", o =>
            {
                o["status"] = JsonNode.Parse("""{"conditions":[{"type":"Ready","status":"True"}]}""");
                return o;
            }, status: true);
        }

        for (var i = 0; i < ingresses; i++)
        {
            var host = i % hosts;
            var scheme = i % 10 == 0 ? "internal" : "internet-facing";
            kube.Create("Ingress", "default", JsonNode.Parse($$$"""
                {"metadata":{"name":"app-{{{i:0000}}}","annotations":{"zalando.org/aws-load-balancer-scheme":"{{{scheme}}}"}},
                 "spec":{"ingressClassName":"aws-integrations","rules":[{"host":"h{{{host:000}}}.d{{{host % certificates:000}}}.example.org"}]}}
                """)!.AsObject());
        }
    }
}
