using System.Text.Json.Nodes;
using AwsIntegrations.Aws;
using AwsIntegrations.DnsController;
using AwsIntegrations.DnsController.Controller;
using AwsIntegrations.DnsController.Metrics;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Testing;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.DnsController.Tests.Integration;

/// <summary>
/// A cluster (Kubernetes emulator) and an AWS account (AWS emulator), with the controller's real parts between them:
/// informers, the Route 53 and ELBv2 clients over HTTP, the Event recorder and the reconciler. Tests run passes one by one.
/// </summary>
internal sealed class DnsWorld : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly ServiceProvider _services;

    private DnsWorld(KubernetesEmulator kube, AwsEmulator aws, DnsControllerOptions options, AwsOptions awsOptions)
    {
        Kube = kube;
        Aws = aws;
        Options = options;
        Connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() }, new KubernetesClientSettings { Qps = 0 });
        var transport = new AwsTransport(_http, new StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
            new EndpointResolver(aws.State.Region, aws.BaseUrl.ToString(), _ => null), awsOptions);
        Route53 = new Route53Client(transport);
        Elb = new ElbV2Client(transport);
        Informers = new SharedInformerFactory(Connection);
        Sources = new InformerSources(Informers, options);
        Recorder = new EventRecorder(Connection, new EventRecorderOptions("dns-controller"));
        _services = new ServiceCollection()
            .AddSingleton<IRoute53Api>(Route53)
            .AddSingleton<IElbV2Api>(Elb)
            .AddSingleton<ISourceProvider>(Sources)
            .AddSingleton(Recorder)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new DnsMetrics())
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddDnsReconciler(options)
            .BuildServiceProvider();
        Reconciler = _services.GetRequiredService<DnsReconciler>();
    }

    public KubernetesEmulator Kube { get; }

    public AwsEmulator Aws { get; }

    public DnsControllerOptions Options { get; }

    public KubernetesConnection Connection { get; }

    public IKubernetes Client => Connection.Client;

    public Route53Client Route53 { get; }

    public ElbV2Client Elb { get; }

    public SharedInformerFactory Informers { get; }

    public InformerSources Sources { get; }

    public EventRecorder Recorder { get; }

    public DnsReconciler Reconciler { get; }

    /// <summary>
    /// Starts both emulators. The in-process passes run back to back with no client-side rate limit and 2 ms retries, so
    /// the account is instant and unthrottled unless <paramref name="behavior"/> says otherwise: throttling is injected
    /// where a test is about it, and the process tests pass AWS's behaviour (the service then runs with its own limits).
    /// </summary>
    public static async Task<DnsWorld> StartAsync(Action<DnsControllerOptions>? configure = null, Action<AwsOptions>? aws = null, AwsBehavior? behavior = null)
    {
        var options = new DnsControllerOptions { TxtOwnerId = "cluster-a" };
        configure?.Invoke(options);
        var awsOptions = new AwsOptions
        {
            Region = "eu-central-1",
            RetryBaseDelaySeconds = 0.002,
            RetryMaxBackoffSeconds = 0.02,
            Route53Rps = 0,
            ElbV2Rps = 0,
        };
        aws?.Invoke(awsOptions);
        var kube = await KubernetesEmulator.StartAsync(0);
        var emulator = await AwsEmulator.StartAsync(0);
        emulator.State.Behavior.CopyFrom(behavior ?? AwsBehavior.Instant());
        return new DnsWorld(kube, emulator, options, awsOptions);
    }

    public async Task<string> CreateZoneAsync(string name, bool isPrivate = false) =>
        (await Route53.CreateHostedZoneAsync(new CreateHostedZoneRequest(name, Guid.NewGuid().ToString())
        {
            VpcId = isPrivate ? "vpc-0a1b2c3d4e5f60001" : null,
            VpcRegion = isPrivate ? "eu-central-1" : null,
        })).Zone.Id;

    public Task<LoadBalancerDescription> CreateAlbAsync(string name, string? ipAddressType = null) =>
        Elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest(name, ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]) { IpAddressType = ipAddressType });

    /// <summary>Creates or replaces an Ingress (as kubectl apply would) and sets its load balancer status (as the ingress controller would).</summary>
    public async Task ApplyIngressAsync(string name, string[] hosts, string? lbHostname, Dictionary<string, string>? annotations = null, string ns = "default", string? ingressClass = null)
    {
        var existing = await Client.NetworkingV1.ReadNamespacedIngressAsync(name, ns).NullIfNotFound();
        var ingress = existing ?? new V1Ingress { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } };
        ingress.Metadata.Annotations = annotations;
        ingress.Spec = new V1IngressSpec { IngressClassName = ingressClass, Rules = [.. hosts.Select(h => new V1IngressRule { Host = h })] };
        ingress = existing is null ? await Client.NetworkingV1.CreateNamespacedIngressAsync(ingress, ns) : await Client.NetworkingV1.ReplaceNamespacedIngressAsync(ingress, name, ns);
        ingress.Status = new V1IngressStatus { LoadBalancer = new V1IngressLoadBalancerStatus { Ingress = lbHostname is null ? [] : [new V1IngressLoadBalancerIngress { Hostname = lbHostname }] } };
        await Client.NetworkingV1.ReplaceNamespacedIngressStatusAsync(ingress, name, ns);
        if (ingressClass is not null)
        {
            return;
        }

        await WaitForSourcesAsync(s => s.Any(o => o.Name == name && o.Hosts.SequenceEqual(hosts) && o.StatusTargets.SequenceEqual(lbHostname is null ? [] : [lbHostname])
            && (annotations ?? []).All(a => o.Annotations.TryGetValue(a.Key, out var value) && value == a.Value)));
    }

    public async Task DeleteIngressAsync(string name, string ns = "default")
    {
        await Client.NetworkingV1.DeleteNamespacedIngressAsync(name, ns);
        await WaitForSourcesAsync(s => s.All(o => o.Name != name));
    }

    public async Task WaitForSourcesAsync(Func<IReadOnlyList<SourceObject>, bool> condition) =>
        await Eventually.HoldsAsync(async () => condition(await Sources.CurrentAsync(CancellationToken.None)), "the informers see the change");

    public Task<ReconcileResult> PassAsync() => Reconciler.ReconcileAsync(CancellationToken.None);

    /// <summary>The zone's records as Route 53 holds them, as "TYPE name value" lines (SOA and NS left out).</summary>
    public IReadOnlyList<string> Records(string zoneId)
    {
        lock (Aws.State.Gate)
        {
            return [.. Aws.State.HostedZones.Single(z => z.Id == zoneId).Records
                .Where(r => r.Type is not ("SOA" or "NS"))
                .Select(r => $"{r.Type} {r.Name}{(r.SetIdentifier is null ? string.Empty : $" [{r.SetIdentifier}]")} {(r.Alias is { } a ? $"alias {a.DnsName}" : string.Join(",", r.Values))}")
                .Order(StringComparer.Ordinal)];
        }
    }

    public void SeedRecords(string zoneId, params RecordSet[] records)
    {
        lock (Aws.State.Gate)
        {
            Aws.State.HostedZones.Single(z => z.Id == zoneId).Records.AddRange(records);
        }
    }

    public int Calls(string? operation = null) => Aws.Calls.Of("route53", operation).Count;

    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string ns = "default")
    {
        await Recorder.FlushAsync();
        return Kube.All("Event", ns);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Recorder.DisposeAsync();
        await Informers.DisposeAsync();
        Connection.Dispose();
        _http.Dispose();
        await Aws.DisposeAsync();
        await Kube.DisposeAsync();
    }
}
