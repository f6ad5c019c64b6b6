using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;
using System.Text.Json.Nodes;
using AwsIntegrations.Aws;
using AwsIntegrations.Benchmarking;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.IngressController;
using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Testing;

namespace AwsIntegrations.Benchmarks.IngressController;

/// <summary>
/// One run on fresh emulators seeded with the cluster (3 nodes) and the certificates, the controller's reconciler in this process
/// with the default AWS client-side rate limits and a fake clock:
/// 1. converge from an empty account under AWS's timing on the simulated clock (3 minutes of provisioning): passes as the loop
///    runs them until every load balancer is active, then until the next (after every status is in the cache) makes no call;
/// 2. (when asked) one hour at rest, as the loop runs it: a pass every --resync-interval, the clock advanced by hand (a simulated hour, every
///    call counted, nothing scaled; the client-side rate limits run on the real clock, so the hour takes a few real seconds).
/// </summary>
internal static class IngressRun
{
    public static async Task<RunResult> RunAsync(int ingresses, int hosts, int certificates, bool rest)
    {
        await using var kube = await KubernetesEmulator.StartAsync(0);
        var seed = AwsSeed.Default();
        foreach (var subnet in seed.Subnets)
        {
            subnet.Tags["kubernetes.io/role/internal-elb"] = "1"; // internal load balancers share the subnets here
        }

        // AWS's behaviour on the controller's simulated clock: a new load balancer provisions for 3 minutes ("a few minutes" on
        // AWS), and the account's throttling buckets refill as simulated time passes.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await AwsEmulator.StartAsync(0, seed, time);
        aws.State.Behavior.LoadBalancerProvisioning = TimeSpan.FromMinutes(3);
        Seed(kube, aws, ingresses, hosts, certificates);

        var options = new IngressControllerOptions { ClusterId = "sandbox" };
        using var http = new HttpClient();
        var transport = new AwsTransport(http, new StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
            new EndpointResolver(aws.State.Region, aws.BaseUrl.ToString(), _ => null), new AwsOptions { Region = aws.State.Region }, new AwsMetrics(), null);
        using var connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() }, new KubernetesClientSettings { Qps = 0 });
        await using var informers = new SharedInformerFactory(connection);
        var cluster = new ClusterView(informers, options);
        // The service's composition of the reconciler over these clients; no WAFv2 client, so no web ACL calls (as before).
        await using var services = new ServiceCollection().AddLogging()
            .AddSingleton<IElbV2Api>(new ElbV2Client(transport)).AddSingleton<IEc2Api>(new Ec2Client(transport)).AddSingleton<IAcmApi>(new AcmClient(transport))
            .AddSingleton(connection.Client).AddSingleton<TimeProvider>(time).AddSingleton(cluster).AddSingleton(new IngressMetrics())
            .AddIngressReconciler(options)
            .BuildServiceProvider();
        var reconciler = services.GetRequiredService<IngressReconciler>();
        await cluster.WaitForSyncAsync(CancellationToken.None);

        // Converge from an empty account: passes as the loop runs them (the clock moved on by each requeue, or by 5 s after a
        // failed pass), until one succeeds with every load balancer active and, once every status is in the cache, the next
        // makes no call.
        var clock = Stopwatch.StartNew();
        var started = time.GetUtcNow();
        var passes = 0;
        while (true)
        {
            passes++;
            var result = await reconciler.ReconcileAsync(CancellationToken.None);
            if (result.Succeeded && aws.Calls.All.Count > 0 && !Provisioning(aws, time))
            {
                var before = aws.Calls.All.Count;
                await Eventually.HoldsAsync(() => cluster.Ingresses.List().All(i => i.Status?.LoadBalancer?.Ingress is { Count: 1 }), "statuses in the cache", TimeSpan.FromMinutes(2));
                await reconciler.ReconcileAsync(CancellationToken.None);
                if (aws.Calls.All.Count == before)
                {
                    break;
                }
            }

            time.Advance(result.Succeeded && result.RequeueAfter is { } requeue && requeue <= TimeSpan.FromMinutes(1) ? requeue : TimeSpan.FromSeconds(5));
        }

        var convergeSeconds = clock.Elapsed.TotalSeconds;
        var simulatedSeconds = (time.GetUtcNow() - started).TotalSeconds;
        var convergeCalls = CallCounts.From(aws.Calls.All.Select(c => c.Operation));
        int loadBalancers;
        string certificatesPerAlb;
        lock (aws.State.Gate)
        {
            loadBalancers = aws.State.LoadBalancers.Count;
            certificatesPerAlb = string.Join(" + ", aws.State.Listeners.Where(l => l.Port == 443).Select(l => l.Certificates.Count));
        }

        if (!rest)
        {
            return new RunResult(ingresses, convergeCalls, convergeSeconds, simulatedSeconds, passes, loadBalancers, certificatesPerAlb, null);
        }

        // One hour at rest, as the loop runs it: a pass every resync interval (and on the certificate polling requeue).
        aws.Calls.Clear();
        var hourEnd = time.GetUtcNow() + TimeSpan.FromHours(1);
        var resyncPass = CallCounts.None;
        var resyncs = 0;
        while (time.GetUtcNow() + options.ResyncInterval <= hourEnd)
        {
            time.Advance(options.ResyncInterval);
            var before = aws.Calls.All.Count;
            await reconciler.ReconcileAsync(CancellationToken.None);
            resyncs++;
            var pass = CallCounts.From(aws.Calls.All.Skip(before).Select(c => c.Operation));
            resyncPass = pass.Total > resyncPass.Total ? pass : resyncPass;
        }

        return new RunResult(ingresses, convergeCalls, convergeSeconds, simulatedSeconds, passes, loadBalancers, certificatesPerAlb, new RestHour(CallCounts.From(aws.Calls.All.Select(c => c.Operation)), resyncs, resyncPass));
    }

    /// <summary>Whether a load balancer is still provisioning, or not yet described (AWS's timing, on the simulated clock).</summary>
    private static bool Provisioning(AwsEmulator aws, TimeProvider time)
    {
        var now = time.GetUtcNow();
        lock (aws.State.Gate)
        {
            return aws.State.LoadBalancers.Any(l => !l.IsActive(now) || now < l.VisibleAt);
        }
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
