using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Testing;

namespace DnsControllerBenchmarks;

/// <summary>
/// Emulators in this process, the controller as a child process with its default rate limit (3 Route 53 requests/s).
/// 1. First sync: empty zones, N Ingresses → time and calls until every record and TXT record exists.
/// 2. Steady state: nothing changes for a while → Route 53 calls (expected 0; a full read happens once per --resync-interval).
/// 3. Latency: one Ingress's host changes → seconds until Route 53 holds the new record (median of repetitions).
/// 4. Full read: a fresh replica adopts the synced zones → its calls (= what external-dns lists on every --interval) and time.
/// </summary>
internal sealed class DnsBenchmark(BenchmarkSettings settings)
{
    private const string Namespace = "default";
    private readonly string _dir = Directory.CreateTempSubdirectory("dns-bench-").FullName;
    private readonly string _assembly = Path.Combine(AppContext.BaseDirectory, "DnsController.dll");

    public async Task RunAsync()
    {
        await using var kube = await KubernetesEmulator.StartAsync(0);
        await using var aws = await AwsEmulator.StartAsync(0);
        var kubeconfig = kube.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
        var (zones, alb) = SeedAws(aws);
        SeedIngresses(kube, zones, alb);
        Console.WriteLine($"DnsController benchmark: {settings.Records:N0} hostnames in {settings.Zones} zones ({2 * settings.Records:N0} record sets with TXT), Route 53 limit 3 requests/s");

        aws.Calls.Clear();
        var clock = Stopwatch.StartNew();
        var first = Start(aws, kubeconfig, "dns-1");
        await WaitAsync(() => RecordSets(aws) >= 2 * settings.Records, TimeSpan.FromMinutes(15), "first sync");
        var firstSeconds = clock.Elapsed.TotalSeconds;
        var firstCalls = Route53Calls(aws);
        Console.WriteLine($"first sync:   {firstSeconds,8:F1} s  {firstCalls,6} Route 53 calls ({Count(aws, "ListHostedZones")} ListHostedZones, {Count(aws, "ListResourceRecordSets")} ListResourceRecordSets, {Count(aws, "ChangeResourceRecordSets")} ChangeResourceRecordSets)");

        aws.Calls.Clear();
        await Task.Delay(TimeSpan.FromSeconds(settings.SteadySeconds));
        var steadyCalls = Route53Calls(aws);
        Console.WriteLine($"steady state: {steadyCalls,6} Route 53 calls in {settings.SteadySeconds} s (default --interval 1m: full plans over the cached zones, no reads)");

        var latencies = new List<double>();
        for (var i = 0; i < settings.Changes; i++)
        {
            var host = $"moved-{i}.zone-0.example.com";
            clock.Restart();
            await ChangeHostAsync(kube, $"app-{i}", host);
            await WaitAsync(() => HasRecord(aws, zones[0], host + "."), TimeSpan.FromSeconds(60), "change");
            latencies.Add(clock.Elapsed.TotalSeconds);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        latencies.Sort();
        Console.WriteLine($"change → Route 53: median {latencies[latencies.Count / 2]:F2} s, max {latencies[^1]:F2} s over {latencies.Count} Ingress changes (--debounce 500ms)");

        first.SendSignal(PosixSignal.SIGTERM);
        await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await first.DisposeAsync();

        aws.Calls.Clear();
        clock.Restart();
        await using var second = Start(aws, kubeconfig, "dns-2");
        await WaitAsync(() => second.StandardOutput.Any(l => l.Contains("Read ", StringComparison.Ordinal) && l.Contains(" zones", StringComparison.Ordinal)), TimeSpan.FromMinutes(5), "full read");
        var readSeconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var readCalls = Route53Calls(aws);
        Console.WriteLine($"full read:    {readSeconds,8:F1} s  {readCalls,6} Route 53 calls, {Count(aws, "ChangeResourceRecordSets")} changes (a new leader adopting the synced zones)");
        second.SendSignal(PosixSignal.SIGTERM);
        await second.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var oursPerHour = readCalls + steadyCalls * 3600.0 / settings.SteadySeconds;
        var externalDnsPerHour = readCalls * 60.0;
        Console.WriteLine();
        Console.WriteLine($"Route 53 calls per hour, nothing changing: DnsController {oursPerHour:N0} (one full read per --resync-interval 1h)");
        Console.WriteLine($"                                           external-dns  {externalDnsPerHour:N0} (the same full read every --interval 1m; published: ~67 list calls per sync per 20,000 record sets)");
        Console.WriteLine($"ratio external-dns / DnsController: {externalDnsPerHour / Math.Max(1, oursPerHour):F0}x");
        Directory.Delete(_dir, recursive: true);
    }

    private (List<string> ZoneIds, string Alb) SeedAws(AwsEmulator aws)
    {
        var zoneIds = new List<string>();
        var route53 = new AwsIntegrations.Aws.Route53Client(new AwsIntegrations.Aws.AwsTransport(new HttpClient(),
            new AwsIntegrations.Aws.StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
            new AwsIntegrations.Aws.EndpointResolver(aws.State.Region, aws.BaseUrl.ToString(), _ => null), new AwsIntegrations.Aws.AwsOptions { Route53Rps = 0, ElbV2Rps = 0 }));
        var elb = new AwsIntegrations.Aws.ElbV2Client(new AwsIntegrations.Aws.AwsTransport(new HttpClient(),
            new AwsIntegrations.Aws.StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
            new AwsIntegrations.Aws.EndpointResolver(aws.State.Region, aws.BaseUrl.ToString(), _ => null), new AwsIntegrations.Aws.AwsOptions { Route53Rps = 0, ElbV2Rps = 0 }));
        for (var z = 0; z < settings.Zones; z++)
        {
            zoneIds.Add(route53.CreateHostedZoneAsync(new AwsIntegrations.Aws.CreateHostedZoneRequest($"zone-{z}.example.com", $"bench-{z}")).GetAwaiter().GetResult().Zone.Id);
        }

        var alb = elb.CreateLoadBalancerAsync(new AwsIntegrations.Aws.CreateLoadBalancerRequest("bench", ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"])).GetAwaiter().GetResult().DnsName;
        return (zoneIds, alb);
    }

    private void SeedIngresses(KubernetesEmulator kube, List<string> zones, string alb)
    {
        var definition = kube.Store.Definition("Ingress");
        for (var i = 0; i < settings.Records; i++)
        {
            var host = $"app-{i}.zone-{i % zones.Count}.example.com";
            kube.Create("Ingress", Namespace, JsonNode.Parse($$$"""
                {"metadata":{"name":"app-{{{i}}}"},"spec":{"ingressClassName":"aws-integrations","rules":[{"host":"{{{host}}}"}]}}
                """)!.AsObject());
            kube.Store.Update(definition, Namespace, $"app-{i}", o =>
            {
                o["status"] = JsonNode.Parse($$$"""{"loadBalancer":{"ingress":[{"hostname":"{{{alb}}}"}]}}""");
                return o;
            }, status: true);
        }
    }

    private static async Task ChangeHostAsync(KubernetesEmulator kube, string name, string host)
    {
        // What `kubectl edit ingress` sends: a merge patch over HTTP.
        using var http = new HttpClient { BaseAddress = kube.BaseAddress };
        using var content = new StringContent($$$"""{"spec":{"rules":[{"host":"{{{host}}}"}]}}""", System.Text.Encoding.UTF8, "application/merge-patch+json");
        using var response = await http.PatchAsync($"/apis/networking.k8s.io/v1/namespaces/{Namespace}/ingresses/{name}", content);
        response.EnsureSuccessStatusCode();
    }

    private ChildProcess Start(AwsEmulator aws, string kubeconfig, string pod)
    {
        var env = aws.ClientEnvironment();
        env["POD_NAME"] = pod;
        return ChildProcess.StartDotnet(_assembly,
            ["--kubeconfig", kubeconfig, "--metrics-address", "127.0.0.1", "--metrics-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
             "--txt-owner-id", "bench", "--shutdown-delay", "0s", "--kube-api-qps", "0", "--log-level", "info"], env);
    }

    private static int RecordSets(AwsEmulator aws)
    {
        lock (aws.State.Gate)
        {
            return aws.State.HostedZones.Sum(z => z.Records.Count(r => r.Type is "A" or "TXT"));
        }
    }

    private static bool HasRecord(AwsEmulator aws, string zoneId, string name)
    {
        lock (aws.State.Gate)
        {
            return aws.State.HostedZones.Single(z => z.Id == zoneId).Records.Any(r => r.Name == name && r.Type == "A");
        }
    }

    private static int Route53Calls(AwsEmulator aws) => aws.Calls.Of("route53").Count;

    private static int Count(AwsEmulator aws, string operation) => aws.Calls.Count("route53", operation);

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} did not finish within {timeout}");
            }

            await Task.Delay(50);
        }
    }
}
