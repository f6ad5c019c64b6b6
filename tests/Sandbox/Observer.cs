using AwsIntegrations.Kubernetes.Api;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AwsIntegrations.Aws;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Sandbox;

/// <summary>
/// Reads what each service did: the pod's credentials through the metadata proxy, the ALB, the Route53 records, a request
/// through the Router, and the Jobs that are left. Each reading is an <see cref="Observation"/>; the live view prints them as
/// they change and --once waits until every one is reached.
/// </summary>
public sealed class Observer(SuitePorts ports, IKubernetes kube, IElbV2Api elb, IRoute53Api route53) : IDisposable
{
    /// <summary>
    /// How often the AWS side is read. The emulator throttles the account as AWS does, and the sandbox's reads share the
    /// buckets with the controllers (a person watching the console does too): reading every 2 s costs about 2 of ELBv2's
    /// 10 describe tokens a second and 0.5 of Route 53's 5 requests a second.
    /// </summary>
    private static readonly TimeSpan AwsReadInterval = TimeSpan.FromSeconds(2);

    private readonly HttpClient _asPod = ClientFrom(DemoScenario.PodIp);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Dictionary<string, (DateTimeOffset At, Observation Seen)> _awsReads = new(StringComparer.Ordinal);
    private readonly StateHistory _loadBalancerStates = new();
    private readonly StateHistory _targetStates = new();
    private string? _zoneId;

    public async Task<IReadOnlyList<Observation>> ObserveAsync(CancellationToken cancellationToken) =>
    [
        await Safely("Kube2Iam", () => CredentialsAsync(cancellationToken)),
        await AtMostEvery("IngressController", () => LoadBalancerAsync(cancellationToken)),
        await AtMostEvery("DnsController", () => RecordsAsync(cancellationToken)),
        await Safely("Router", () => RequestThroughRouterAsync(cancellationToken)),
        await Safely("JobCleaner", () => JobsAsync(cancellationToken)),
        await Safely("NodeGate", () => JoiningNodeAsync(cancellationToken)),
    ];

    public void Dispose()
    {
        _asPod.Dispose();
        _http.Dispose();
    }

    private async Task<Observation> CredentialsAsync(CancellationToken cancellationToken)
    {
        var baseUrl = $"http://127.0.0.1:{ports.Kube2IamApp}/latest/meta-data/iam/security-credentials/";
        var role = (await _asPod.GetStringAsync(baseUrl, cancellationToken)).Trim();
        var document = JsonDocument.Parse(await _asPod.GetStringAsync(baseUrl + role, cancellationToken)).RootElement;
        var key = document.GetProperty("AccessKeyId").GetString() ?? "";
        var expiration = document.GetProperty("Expiration").GetString();
        return Observation.Reached("Kube2Iam",
            $"pod {DemoScenario.Namespace}/{DemoScenario.PodName} ({DemoScenario.PodIp}) → role {role}, key {Mask(key)}, secret ****, expires {expiration}");
    }

    private async Task<Observation> LoadBalancerAsync(CancellationToken cancellationToken)
    {
        var balancers = await elb.DescribeLoadBalancersAsync(cancellationToken: cancellationToken);
        if (balancers.Count == 0)
        {
            return Observation.Waiting("IngressController", "no load balancer yet");
        }

        var parts = new List<string>();
        var healthy = 0;
        var listenersWithCertificates = 0;
        foreach (var balancer in balancers)
        {
            var listeners = await elb.DescribeListenersAsync(balancer.Arn, cancellationToken: cancellationToken);
            var groups = await elb.DescribeTargetGroupsAsync(balancer.Arn, cancellationToken: cancellationToken);
            var states = new List<string>();
            foreach (var group in groups)
            {
                var health = await elb.DescribeTargetHealthAsync(group.Arn, cancellationToken: cancellationToken);
                states.AddRange(health.Select(h => h.State));
                healthy += health.Count(h => h.State == "healthy");
            }

            listenersWithCertificates += listeners.Count(l => l.Protocol == "HTTPS" && l.Certificates.Count > 0);
            var targets = states.Count == 0 ? "none" : string.Join(", ", states.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
            parts.Add($"{balancer.Name} ({_loadBalancerStates.Record(balancer.Name, balancer.State)}, {balancer.DnsName}): listeners " +
                string.Join(", ", listeners.OrderBy(l => l.Port).Select(l => $"{l.Protocol}:{l.Port}{(l.Certificates.Count > 0 ? $" [{l.Certificates.Count} cert]" : "")}")) +
                $"; {states.Count} targets ({_targetStates.Record(balancer.Name, targets)})");
        }

        var done = balancers.Any(b => b.State == "active") && listenersWithCertificates > 0 && healthy > 0;
        return new Observation("IngressController", done, string.Join("; ", parts));
    }

    private async Task<Observation> RecordsAsync(CancellationToken cancellationToken)
    {
        _zoneId ??= ((await route53.ListHostedZonesAsync(cancellationToken)).FirstOrDefault(z => z.Name == SandboxEnvironment.Domain + ".")
            ?? throw new SandboxException($"hosted zone {SandboxEnvironment.Domain} is missing")).Id;
        var records = await route53.ListResourceRecordSetsAsync(_zoneId, cancellationToken);
        var alias = records.FirstOrDefault(r => r.Name == DemoScenario.Host + "." && r.Type == "A" && r.AliasTarget is not null);
        var owners = records.Where(r => r.Type == "TXT" && r.Values.Any(v => v.Contains("heritage=external-dns", StringComparison.Ordinal))).ToList();
        if (alias is null)
        {
            return Observation.Waiting("DnsController", $"no ALIAS for {DemoScenario.Host} yet ({records.Count} records in {SandboxEnvironment.Domain}.)");
        }

        return new Observation("DnsController", owners.Count > 0,
            $"{alias.Name} A ALIAS → {alias.AliasTarget!.DnsName} (zone {alias.AliasTarget.HostedZoneId}); " +
            string.Join("; ", owners.Select(o => $"TXT {o.Name} {o.Values[0]}")));
    }

    private async Task<Observation> RequestThroughRouterAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{ports.RouterTraffic}/");
        request.Headers.Host = DemoScenario.Host;
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        return new Observation("Router", response.StatusCode == HttpStatusCode.OK,
            $"GET https://{DemoScenario.Host}/ → {(int)response.StatusCode} \"{Shorten(body)}\"");
    }

    private async Task<Observation> JobsAsync(CancellationToken cancellationToken)
    {
        var jobs = (await kube.BatchV1.ListNamespacedJobAsync(DemoScenario.Namespace, cancellationToken: cancellationToken)).Items.Select(j => j.Metadata.Name!).ToList();
        var pods = (await kube.CoreV1.ListNamespacedPodAsync(DemoScenario.Namespace, cancellationToken: cancellationToken)).Items
            .Count(p => p.Metadata.OwnerReferences?.Any(o => o.Kind == "Job") == true);
        var expectedGone = DemoScenario.FinishedJobs.Append(DemoScenario.OverrunningJob).ToList();
        var left = expectedGone.Where(jobs.Contains).ToList();
        return new Observation("JobCleaner", left.Count == 0 && pods == 0,
            left.Count == 0
                ? $"finished and overrunning Jobs cleaned ({string.Join(", ", expectedGone)}), Job pods left: {pods}"
                : $"Jobs left: {string.Join(", ", left)}; Job pods left: {pods}");
    }

    private async Task<Observation> JoiningNodeAsync(CancellationToken cancellationToken)
    {
        var node = await kube.CoreV1.ReadNodeAsync(NodeJoin.NodeName, cancellationToken: cancellationToken).NullIfNotFound();
        if (node is null)
        {
            return Observation.Waiting("NodeGate", $"node {NodeJoin.NodeName} has not joined yet");
        }

        var tainted = node.Spec?.Taints?.Any(t => t.Key == NodeJoin.TaintKey) == true;
        var released = node.Metadata.Annotations?.Keys.FirstOrDefault(k => k.StartsWith("aws-integrations.io/", StringComparison.Ordinal));
        return tainted
            ? Observation.Waiting("NodeGate", $"node {NodeJoin.NodeName} joined with taint {NodeJoin.TaintKey}:NoSchedule; waiting for kube-system/kube2iam to be Ready on it")
            : Observation.Reached("NodeGate", $"node {NodeJoin.NodeName} released: its DaemonSet pods are Ready{(released is null ? "" : $" ({released}={node.Metadata.Annotations![released]})")}");
    }

    /// <summary>Reads the AWS side of a service at most every <see cref="AwsReadInterval"/>; in between, the last reading stands.</summary>
    private async Task<Observation> AtMostEvery(string service, Func<Task<Observation>> observe)
    {
        var now = DateTimeOffset.UtcNow;
        if (_awsReads.TryGetValue(service, out var last) && now - last.At < AwsReadInterval)
        {
            return last.Seen;
        }

        var seen = await Safely(service, observe);
        _awsReads[service] = (now, seen);
        return seen;
    }

    private static async Task<Observation> Safely(string service, Func<Task<Observation>> observe)
    {
        try
        {
            return await observe();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or AwsServiceException or k8s.Autorest.HttpOperationException or JsonException or KeyNotFoundException or InvalidOperationException or SandboxException)
        {
            return Observation.Waiting(service, Shorten(e.Message));
        }
    }

    /// <summary>An HTTP client whose connections come from <paramref name="sourceAddress"/>, as the pod's would.</summary>
    private static HttpClient ClientFrom(string sourceAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, token) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { Timeout = TimeSpan.FromSeconds(5) };

    private static string Mask(string key) => key.Length <= 8 ? "****" : key[..4] + new string('*', key.Length - 8) + key[^4..];

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
