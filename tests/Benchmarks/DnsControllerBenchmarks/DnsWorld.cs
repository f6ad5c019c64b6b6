using System.Text.Json.Nodes;
using AwsIntegrations.Aws;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;

namespace AwsIntegrations.DnsController.Benchmarks;

/// <summary>
/// Fresh emulators for one run: empty hosted zones, one ALB, and N Ingresses of our class whose status already names the ALB
/// (as the IngressController leaves them). Ingress i has the host app-i.zone-(i mod zones).example.com.
/// </summary>
internal sealed class DnsWorld : IAsyncDisposable
{
    public const string Namespace = "default";

    private DnsWorld(KubernetesEmulator kube, AwsEmulator aws, IReadOnlyList<string> zoneIds, string directory)
    {
        Kube = kube;
        Aws = aws;
        ZoneIds = zoneIds;
        Directory = directory;
        Kubeconfig = kube.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
    }

    public KubernetesEmulator Kube { get; }

    public AwsEmulator Aws { get; }

    public IReadOnlyList<string> ZoneIds { get; }

    public string Directory { get; }

    public string Kubeconfig { get; }

    public static async Task<DnsWorld> StartAsync(int ingresses, int zones)
    {
        var kube = await KubernetesEmulator.StartAsync(0);
        var aws = await AwsEmulator.StartAsync(0);
        var route53 = new Route53Client(Transport(aws));
        var zoneIds = new List<string>();
        for (var z = 0; z < zones; z++)
        {
            zoneIds.Add((await route53.CreateHostedZoneAsync(new CreateHostedZoneRequest($"zone-{z}.example.com", $"bench-{z}"))).Zone.Id);
        }

        var alb = (await new ElbV2Client(Transport(aws)).CreateLoadBalancerAsync(new CreateLoadBalancerRequest("bench", ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]))).DnsName;
        SeedIngresses(kube, ingresses, zones, alb);
        aws.Calls.Clear();
        return new DnsWorld(kube, aws, zoneIds, System.IO.Directory.CreateTempSubdirectory("dns-bench-").FullName);
    }

    /// <summary>A client with no client-side rate limit, for seeding and for the external-dns-style reference list.</summary>
    public static AwsTransport Transport(AwsEmulator aws) => new(new HttpClient(), new StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
        new EndpointResolver(aws.State.Region, aws.BaseUrl.ToString(), _ => null), new AwsOptions { Route53Rps = 0, ElbV2Rps = 0 });

    public static string Host(int ingress, int zones) => $"app-{ingress}.zone-{ingress % zones}.example.com";

    /// <summary>A, AAAA and TXT record sets in all zones (the NS and SOA records of the zones are not counted).</summary>
    public int RecordSets()
    {
        lock (Aws.State.Gate)
        {
            return Aws.State.HostedZones.Sum(z => z.Records.Count(r => r.Type is "A" or "AAAA" or "TXT"));
        }
    }

    public bool HasRecord(string zoneId, string name)
    {
        lock (Aws.State.Gate)
        {
            return Aws.State.HostedZones.Single(z => z.Id == zoneId).Records.Any(r => r.Name == name && r.Type == "A");
        }
    }

    /// <summary>What `kubectl edit ingress` sends to move an Ingress to another host: a merge patch over HTTP.</summary>
    public async Task ChangeHostAsync(string name, string host)
    {
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        using var content = new StringContent($$$"""{"spec":{"rules":[{"host":"{{{host}}}"}]}}""", System.Text.Encoding.UTF8, "application/merge-patch+json");
        using var response = await http.PatchAsync($"/apis/networking.k8s.io/v1/namespaces/{Namespace}/ingresses/{name}", content);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Aws.DisposeAsync();
        await Kube.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static void SeedIngresses(KubernetesEmulator kube, int ingresses, int zones, string alb)
    {
        var definition = kube.Store.Definition("Ingress");
        var status = $$$"""{"loadBalancer":{"ingress":[{"hostname":"{{{alb}}}"}]}}""";
        for (var i = 0; i < ingresses; i++)
        {
            kube.Create("Ingress", Namespace, JsonNode.Parse($$$"""
                {"metadata":{"name":"app-{{{i}}}"},"spec":{"ingressClassName":"aws-integrations","rules":[{"host":"{{{Host(i, zones)}}}"}]}}
                """)!.AsObject());
            kube.Store.Update(definition, Namespace, $"app-{i}", o =>
            {
                o["status"] = JsonNode.Parse(status);
                return o;
            }, status: true);
        }
    }
}
