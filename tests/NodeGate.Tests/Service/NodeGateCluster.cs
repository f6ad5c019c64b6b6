using System.Globalization;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.NodeGate.Gate;
using AwsIntegrations.Testing;

namespace AwsIntegrations.NodeGate.Tests.Service;

/// <summary>
/// A Kubernetes API emulator, a client acting as the kubelet / DaemonSet controller / user, and the real NodeGate
/// started as a child process with its flags and a kubeconfig, exactly as a user runs it.
/// </summary>
public abstract class NodeGateCluster : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("node-gate-").FullName;
    private readonly HttpClient _http = new();
    private ChildProcess? _service;
    private int _metricsPort;

    protected KubernetesEmulator Kube { get; private set; } = null!;

    protected KubernetesClient Client { get; private set; } = null!;

    protected string Kubeconfig { get; private set; } = "";

    protected ChildProcess Service => _service ?? throw new InvalidOperationException("the service was not started");

    protected static string ServiceAssembly => Path.Combine(AppContext.BaseDirectory, "NodeGate.dll");

    public async Task InitializeAsync()
    {
        Kube = await KubernetesEmulator.StartAsync(0, new KubernetesEmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(500) });
        Kubeconfig = Kube.WriteKubeconfig(Path.Combine(_directory, "kubeconfig"));
        Client = new KubernetesClient(new KubernetesConnection(Kube.BaseAddress), new KubernetesClientSettings { Qps = 0 });
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        Client.Dispose();
        _http.Dispose();
        await Kube.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    protected string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Starts NodeGate with <paramref name="flags"/> as pod node-gate-test-0 and waits for /readyz.</summary>
    protected async Task StartServiceAsync(params string[] flags)
    {
        _metricsPort = FreePort.Next();
        _service = await LaunchAsync("node-gate-test-0", _metricsPort, flags);
    }

    /// <summary>Starts one more replica (its own identity and metrics port); the caller disposes it.</summary>
    protected async Task<ChildProcess> LaunchAsync(string podName, int metricsPort, params string[] flags)
    {
        var service = ChildProcess.StartDotnet(ServiceAssembly,
        [
            "--kubeconfig", Kubeconfig, "--metrics-address", "127.0.0.1", "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture),
            "--log-format", "text", "--log-level", "debug", "--shutdown-delay", "0s", .. flags,
        ], new Dictionary<string, string?> { ["POD_NAME"] = podName });
        await service.WaitUntilReadyAsync(metricsPort, TimeSpan.FromSeconds(30));
        return service;
    }

    protected string? LeaseHolder() => Kube.Get("Lease", "default", "node-gate")?["spec"]?["holderIdentity"]?.GetValue<string>();

    protected async Task<string> MetricsAsync() => await _http.GetStringAsync(new Uri($"http://127.0.0.1:{_metricsPort}/metrics"));

    protected Task WaitForMetricAsync(string line) =>
        Eventually.HoldsAsync(async () => (await MetricsAsync()).Split('\n').Contains(line), $"/metrics shows '{line}'\n{Service.Output}");

    /// <summary>What the kubelet does with --register-with-taints: the node exists with the startup taint from its first moment.</summary>
    protected Task<Node> RegisterNodeAsync(string name, Dictionary<string, string>? labels = null, params Taint[] more) =>
        Client.CreateAsync(Objects.GatedNode(name, labels, more));

    protected async Task<DaemonSet> CreateDaemonSetAsync(DaemonSet daemonSet)
    {
        daemonSet.Metadata.Uid = null;
        if (await Client.FindAsync<Namespace>(null, daemonSet.Metadata.Namespace!) is null)
        {
            await Client.CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = daemonSet.Metadata.Namespace } });
        }

        return await Client.CreateAsync(daemonSet);
    }

    /// <summary>What the DaemonSet controller and the kubelet do: a pod of the DaemonSet on the node, then its Ready condition.</summary>
    protected async Task<Pod> RunDaemonPodAsync(DaemonSet owner, string node, bool ready)
    {
        var pod = await Client.CreateAsync(Objects.DaemonPod(owner, node, ready));
        await SetReadyAsync(pod, ready);
        return pod;
    }

    protected Task SetReadyAsync(Pod pod, bool ready) =>
        Client.PatchStatusAsync<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, KubernetesPatch.Merge(JsonNode.Parse($$$"""
            {"status":{"phase":"Running","conditions":[{"type":"Ready","status":"{{{(ready ? "True" : "False")}}}"}]}}
            """)!.AsObject()));

    protected async Task<Node> NodeAsync(string name) => await Client.GetAsync<Node>(null, name);

    protected async Task<bool> IsGatedAsync(string name) => ((await NodeAsync(name)).Spec?.Taints ?? []).Any(t => t.Key == Objects.StartupTaint);

    protected Task WaitReleasedAsync(string name, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () => !await IsGatedAsync(name), $"node {name} released\n{Service.Output}", timeout);

    protected IReadOnlyList<JsonObject> EventsAbout(string node) =>
        [.. Kube.All("Event").Where(e => e["involvedObject"]?["kind"]?.GetValue<string>() == "Node" && e["involvedObject"]?["name"]?.GetValue<string>() == node)];

    protected static string? ReleasedAnnotation(Node node) => node.Metadata.Annotation(GateAnnotations.Released);
}
