using System.Globalization;
using System.Text.Json.Nodes;
using AwsIntegrations.Aws;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.IngressController.Controller;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Testing;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using EmulatedCertificate = AwsIntegrations.Emulators.Aws.Certificate;

namespace AwsIntegrations.IngressController.Tests.Integration;

/// <summary>
/// Both emulators, our real clients pointed at them over HTTP, and the reconciler on a manual clock: a test arranges the
/// cluster and the account, runs passes one at a time, and asserts exactly which AWS calls were made.
/// </summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    public const string Cluster = "sandbox";
    public static readonly string[] Instances = ["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60003"];

    private readonly HttpClient _http = new();
    private readonly List<ControllerInstance> _instances = [];

    private ControllerHarness(KubernetesEmulator kube, AwsEmulator aws, IngressControllerOptions options, FakeTimeProvider time)
    {
        Kube = kube;
        Aws = aws;
        Options = options;
        Time = time;
        Connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() }, new KubernetesClientSettings { Qps = 0, RetryBackoff = TimeSpan.FromMilliseconds(10) });
        var transport = new AwsTransport(_http, new StaticCredentialsProvider(AwsEmulator.DefaultCredentials),
            new EndpointResolver(aws.State.Region, aws.BaseUrl.ToString(), _ => null), FastAwsOptions(), new AwsMetrics(), null);
        Elb = new ElbV2Client(transport);
        Ec2 = new Ec2Client(transport);
        Acm = new AcmClient(transport);
        Waf = new Wafv2Client(transport);
    }

    public KubernetesEmulator Kube { get; }

    public AwsEmulator Aws { get; }

    public IngressControllerOptions Options { get; }

    public KubernetesConnection Connection { get; }

    public IKubernetes Client => Connection.Client;

    /// <summary>The clock of the controller and of the emulated AWS account (load balancer provisioning, certificate expiry).</summary>
    public FakeTimeProvider Time { get; }

    public IElbV2Api Elb { get; }

    public IEc2Api Ec2 { get; }

    public IAcmApi Acm { get; }

    public IWafv2Api Waf { get; }

    public ControllerInstance Controller => _instances[^1];

    public CallLog Calls => Aws.Calls;

    public static async Task<ControllerHarness> StartAsync(Action<IngressControllerOptions>? configure = null, AwsSeed? seed = null)
    {
        var options = new IngressControllerOptions
        {
            ClusterId = Cluster,
            ResyncInterval = TimeSpan.FromHours(1),
            CertPollingInterval = TimeSpan.FromMinutes(5),
            CleanupGrace = TimeSpan.FromMinutes(10),
        };
        configure?.Invoke(options);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var kube = await KubernetesEmulator.StartAsync(0, new KubernetesEmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        var aws = await AwsEmulator.StartAsync(0, seed, time);
        var harness = new ControllerHarness(kube, aws, options, time);
        await harness.StartControllerAsync();
        return harness;
    }

    public static AwsOptions FastAwsOptions() => new()
    {
        Region = "eu-central-1", RetryBaseDelaySeconds = 0.002, RetryMaxBackoffSeconds = 0.02, MaxAttempts = 3,
        Route53Rps = 0, ElbV2Rps = 0, Ec2Rps = 0, AcmRps = 0, StsRps = 0, Wafv2Rps = 0,
    };

    /// <summary>A fresh controller process as far as state goes: new informers, empty inventory and memory (a restart).</summary>
    public Task<ControllerInstance> StartControllerAsync() => StartControllerAsync(Options);

    /// <summary>A controller process with options of its own (e.g. a second controller with another --controller-id).</summary>
    public async Task<ControllerInstance> StartControllerAsync(IngressControllerOptions options)
    {
        var informers = new SharedInformerFactory(Connection);
        var cluster = new ClusterView(informers, options);
        var events = new EventRecorder(Connection, new EventRecorderOptions(IngressControllerOptions.ServiceName));
        // The service's own composition of the reconciler, over this harness's clients and clock.
        var services = new ServiceCollection().AddLogging()
            .AddSingleton(Elb).AddSingleton(Ec2).AddSingleton(Acm).AddSingleton(Waf).AddSingleton(Client)
            .AddSingleton<TimeProvider>(Time).AddSingleton(cluster).AddSingleton(events).AddSingleton(new IngressMetrics())
            .AddIngressReconciler(options)
            .BuildServiceProvider();
        var instance = new ControllerInstance(informers, cluster, events, services.GetRequiredService<IngressReconciler>(), services);
        _instances.Add(instance);
        await cluster.WaitForSyncAsync(CancellationToken.None);
        return instance;
    }

    public Task<ReconcileResult> PassAsync() => Controller.Reconciler.ReconcileAsync(CancellationToken.None);

    /// <summary>
    /// Runs passes as the loop would, the clock following each requeue, until every named Ingress has a status (new load
    /// balancers provision for a while, as on AWS); returns the last result.
    /// </summary>
    public async Task<ReconcileResult> SettleAsync(params string[] ingresses)
    {
        for (var pass = 0; pass < 100; pass++)
        {
            var result = await PassAsync();
            var missing = false;
            foreach (var name in ingresses)
            {
                missing |= await StatusHostnameAsync(name) is null;
            }

            if (result.Succeeded && !missing)
            {
                return result;
            }

            Time.Advance(result.RequeueAfter is { } requeue && requeue < TimeSpan.FromMinutes(1) ? requeue : TimeSpan.FromSeconds(15));
        }

        throw new InvalidOperationException($"no status for {string.Join(", ", ingresses)} after 100 passes");
    }

    /// <summary>
    /// Runs passes as the loop would until one succeeds with no load balancer left provisioning: after a failure the clock
    /// moves on by a backoff (AWS's token buckets refill meanwhile), after a success by the requeue while load balancers
    /// provision (AWS's realistic timing is on). Returns how many passes it took.
    /// </summary>
    public async Task<int> ConvergeAsync(int maxPasses = 60)
    {
        for (var pass = 1; pass <= maxPasses; pass++)
        {
            var result = await PassAsync();
            if (result.Succeeded && !Provisioning())
            {
                return pass;
            }

            Time.Advance(result.Succeeded && result.RequeueAfter is { } requeue && requeue < TimeSpan.FromMinutes(1) ? requeue : TimeSpan.FromSeconds(5));
        }

        throw new InvalidOperationException($"no successful pass with every load balancer active in {maxPasses}");
    }

    /// <summary>Whether a load balancer in the emulated account is still provisioning, or not yet described (AWS's timing).</summary>
    public bool Provisioning()
    {
        var now = Time.GetUtcNow();
        lock (Aws.State.Gate)
        {
            return Aws.State.LoadBalancers.Any(l => !l.IsActive(now) || now < l.VisibleAt);
        }
    }

    public string AddCertificate(string id, DateTimeOffset notAfter, params string[] names) =>
        AddCertificate(id, DateTimeOffset.UtcNow.AddDays(-1), notAfter, names);

    public string AddCertificate(string id, DateTimeOffset notBefore, DateTimeOffset notAfter, params string[] names)
    {
        var arn = id.StartsWith("arn:", StringComparison.Ordinal) ? id : $"arn:aws:acm:eu-central-1:123456789012:certificate/{id}";
        lock (Aws.State.Gate)
        {
            Aws.State.Certificates.Add(new EmulatedCertificate
            {
                Arn = arn, DomainName = names[0], SubjectAlternativeNames = [.. names],
                NotBefore = notBefore, NotAfter = notAfter, CreatedAt = notBefore,
            });
        }

        return arn;
    }

    public void TagCertificate(string arn, string key, string value)
    {
        lock (Aws.State.Gate)
        {
            Aws.State.Certificates.Single(c => c.Arn == arn).Tags[key] = value;
        }
    }

    /// <summary>A regional WAFv2 web ACL in the account; returns its ARN.</summary>
    public string AddWebAcl(string name)
    {
        lock (Aws.State.Gate)
        {
            return Aws.State.AddWebAcl(name).Arn;
        }
    }

    /// <summary>The web ACL associated with the load balancer in the emulated account (null: none).</summary>
    public string? WebAclOf(string loadBalancerArn)
    {
        lock (Aws.State.Gate)
        {
            return Aws.State.WebAclAssociations.GetValueOrDefault(loadBalancerArn);
        }
    }

    public async Task AddNodeAsync(string name, string instanceId, bool ready = true)
    {
        Kube.Create("Node", null, JsonNode.Parse($$$"""{"metadata":{"name":"{{{name}}}","labels":{"role":"worker"}},"spec":{"providerID":"aws:///eu-central-1a/{{{instanceId}}}"} }""")!.AsObject());
        await SetNodeReadyAsync(name, ready);
    }

    public async Task SetNodeReadyAsync(string name, bool ready)
    {
        var stored = Kube.Store.Update(Kube.Store.Definition("Node"), null, name, o =>
        {
            o["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }) };
            return o;
        }, status: true);
        await SeenAsync(() => Controller.Cluster.Nodes!.Get(null, name), stored.ToNode());
    }

    public async Task DeleteNodeAsync(string name)
    {
        await Client.CoreV1.DeleteNodeAsync(name);
        await Eventually.HoldsAsync(() => Controller.Cluster.Nodes!.Get(null, name) is null, $"node {name} gone from the cache");
    }

    public async Task<V1Ingress> ApplyIngressAsync(string name, string[] hosts, Dictionary<string, string>? annotations = null, string ns = "default", string? className = "aws-integrations")
    {
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["annotations"] = new JsonObject((annotations ?? []).Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))),
            },
            ["spec"] = new JsonObject
            {
                ["ingressClassName"] = className,
                ["rules"] = new JsonArray([.. hosts.Select(h => (JsonNode)new JsonObject
                {
                    ["host"] = h,
                    ["http"] = new JsonObject { ["paths"] = new JsonArray(new JsonObject { ["path"] = "/", ["pathType"] = "Prefix", ["backend"] = new JsonObject { ["service"] = new JsonObject { ["name"] = "web", ["port"] = new JsonObject { ["number"] = 80 } } } }) },
                })]),
            },
        };
        var definition = Kube.Store.Definition("Ingress");
        var stored = Kube.Store.Get(definition, ns, name) is null
            ? Kube.Store.Create(definition, ns, body)
            : Kube.Store.Update(definition, ns, name, o =>
            {
                o["metadata"]!["annotations"] = body["metadata"]!["annotations"]!.DeepClone();
                o["spec"] = body["spec"]!.DeepClone();
                return o;
            }, status: false);
        await SeenAsync(() => Controller.Cluster.Ingresses.Get(ns, name), stored.ToNode());
        return Controller.Cluster.Ingresses.Get(ns, name)!;
    }

    /// <summary>Applies a manifest with real kubectl (as a user would), then waits until the controller's cache has the Ingress.</summary>
    public async Task ApplyWithKubectlAsync(string yaml, string ingress, string ns = "default")
    {
        var directory = Directory.CreateTempSubdirectory("ingress-kubectl-");
        try
        {
            var kubeconfig = Kube.WriteKubeconfig(Path.Combine(directory.FullName, "kubeconfig"));
            var manifest = Path.Combine(directory.FullName, "manifest.yaml");
            await File.WriteAllTextAsync(manifest, yaml);
            await using var kubectl = ChildProcess.Start("kubectl", ["--kubeconfig", kubeconfig, "apply", "-n", ns, "-f", manifest]);
            (await kubectl.WaitForExitAsync(TimeSpan.FromSeconds(60))).Should().Be(0, kubectl.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        var stored = Kube.Get("Ingress", ns, ingress) ?? throw new InvalidOperationException($"kubectl did not create {ns}/{ingress}");
        await SeenAsync(() => Controller.Cluster.Ingresses.Get(ns, ingress), stored);
    }

    public async Task DeleteIngressAsync(string name, string ns = "default")
    {
        await Client.NetworkingV1.DeleteNamespacedIngressAsync(name, ns);
        await Eventually.HoldsAsync(() => Controller.Cluster.Ingresses.Get(ns, name) is null, $"ingress {ns}/{name} gone from the cache");
    }

    /// <summary>The Ingress as the API server has it now.</summary>
    public Task<V1Ingress> GetIngressAsync(string name, string ns = "default") => Client.NetworkingV1.ReadNamespacedIngressAsync(name, ns);

    /// <summary>Waits until the controller's cache has the status the controller wrote (so the next pass sees it).</summary>
    public Task StatusSeenAsync(string name, string ns = "default") =>
        Eventually.HoldsAsync(async () =>
        {
            var server = await GetIngressAsync(name, ns);
            return Controller.Cluster.Ingresses.Get(ns, name)?.Metadata.ResourceVersion == server.Metadata.ResourceVersion;
        }, $"status of {ns}/{name} in the cache");

    /// <summary>Warning Events on an Ingress: reason and message.</summary>
    public async Task<IReadOnlyList<(string Reason, string Message)>> EventsOfAsync(string name, string ns = "default")
    {
        await Controller.Events.FlushAsync();
        return [.. Kube.All("Event", ns).Where(e => e["involvedObject"]?["name"]?.GetValue<string>() == name)
            .Select(e => (e["reason"]!.GetValue<string>(), e["message"]!.GetValue<string>()))];
    }

    /// <summary>The hostname in the Ingress's status (null: none).</summary>
    public async Task<string?> StatusHostnameAsync(string name, string ns = "default") =>
        (await GetIngressAsync(name, ns)).Status?.LoadBalancer?.Ingress?.FirstOrDefault()?.Hostname;

    public IReadOnlyList<string> CallNames(string? service = null) =>
        [.. Calls.All.Where(c => service is null || c.Service == service).Select(c => $"{c.Service}:{c.Operation}")];

    public IReadOnlyList<Emulators.Aws.LoadBalancer> LoadBalancers()
    {
        lock (Aws.State.Gate)
        {
            return [.. Aws.State.LoadBalancers];
        }
    }

    /// <summary>The ids of a target group's targets that are registered (not draining after a deregistration).</summary>
    public IReadOnlyList<string> RegisteredTargets(Emulators.Aws.TargetGroup group)
    {
        lock (Aws.State.Gate)
        {
            return [.. group.Targets.Where(t => t.DeregisteredAt is null).Select(t => t.Id)];
        }
    }

    public IReadOnlyList<Emulators.Aws.TargetGroup> TargetGroups()
    {
        lock (Aws.State.Gate)
        {
            return [.. Aws.State.TargetGroups];
        }
    }

    public IReadOnlyList<Emulators.Aws.Listener> ListenersOf(string loadBalancerArn)
    {
        lock (Aws.State.Gate)
        {
            return [.. Aws.State.Listeners.Where(l => l.LoadBalancerArn == loadBalancerArn)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        Connection.Dispose();
        _http.Dispose();
        await Aws.DisposeAsync();
        await Kube.DisposeAsync();
    }

    private static Task SeenAsync<T>(Func<T?> cached, JsonObject stored)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var version = long.Parse(stored["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        return Eventually.HoldsAsync(() => cached() is { } o && long.Parse(o.Metadata.ResourceVersion!, CultureInfo.InvariantCulture) >= version, "the controller's cache to see the change");
    }
}

internal sealed record ControllerInstance(SharedInformerFactory Informers, ClusterView Cluster, EventRecorder Events, IngressReconciler Reconciler, ServiceProvider Services) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Events.DisposeAsync();
        await Informers.DisposeAsync();
    }
}
