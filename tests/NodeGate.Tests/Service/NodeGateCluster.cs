using AwsIntegrations.Kubernetes.Api;
using System.Net;
using k8s.Autorest;
using System.Globalization;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using k8s;
using k8s.Models;
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

    protected KubernetesConnection Connection { get; private set; } = null!;

    protected IKubernetes Client => Connection.Client;

    protected string Kubeconfig { get; private set; } = "";

    protected ChildProcess Service => _service ?? throw new InvalidOperationException("the service was not started");

    protected static string ServiceAssembly => Path.Combine(AppContext.BaseDirectory, "NodeGate.dll");

    public async Task InitializeAsync()
    {
        Kube = await KubernetesEmulator.StartAsync(0, new KubernetesEmulatorOptions { BookmarkInterval = TimeSpan.FromMilliseconds(500) });
        Kubeconfig = Kube.WriteKubeconfig(Path.Combine(_directory, "kubeconfig"));
        Connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString() }, new KubernetesClientSettings { Qps = 0 });
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        Connection.Dispose();
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
    protected Task<V1Node> RegisterNodeAsync(string name, Dictionary<string, string>? labels = null, params V1Taint[] more) =>
        Client.CoreV1.CreateNodeAsync(Objects.GatedNode(name, labels, more));

    protected async Task<V1DaemonSet> CreateDaemonSetAsync(V1DaemonSet daemonSet)
    {
        daemonSet.Metadata.Uid = null;
        if (await Client.CoreV1.ReadNamespaceAsync(daemonSet.Metadata.NamespaceProperty!).NullIfNotFound() is null)
        {
            await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = daemonSet.Metadata.NamespaceProperty } });
        }

        return await Client.AppsV1.CreateNamespacedDaemonSetAsync(daemonSet, daemonSet.Metadata.NamespaceProperty!);
    }

    /// <summary>What the DaemonSet controller and the kubelet do: a pod of the DaemonSet on the node, then its Ready condition.</summary>
    protected async Task<V1Pod> RunDaemonPodAsync(V1DaemonSet owner, string node, bool ready)
    {
        var created = Objects.DaemonPod(owner, node, ready);
        var pod = await Client.CoreV1.CreateNamespacedPodAsync(created, created.Metadata.NamespaceProperty!);
        await SetReadyAsync(pod, ready);
        return pod;
    }

    protected Task SetReadyAsync(V1Pod pod, bool ready) =>
        Client.CoreV1.PatchNamespacedPodStatusAsync(new V1Patch($$$"""
            {"status":{"phase":"Running","conditions":[{"type":"Ready","status":"{{{(ready ? "True" : "False")}}}"}]}}
            """, V1Patch.PatchType.MergePatch), pod.Metadata.Name!, pod.Metadata.NamespaceProperty);

    protected async Task<V1Node> NodeAsync(string name) => await Client.CoreV1.ReadNodeAsync(name);

    protected async Task<bool> IsGatedAsync(string name) => ((await NodeAsync(name)).Spec?.Taints ?? []).Any(t => t.Key == Objects.StartupTaint);

    protected Task WaitReleasedAsync(string name, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(async () => !await IsGatedAsync(name), $"node {name} released\n{Service.Output}", timeout);

    protected IReadOnlyList<JsonObject> EventsAbout(string node) =>
        [.. Kube.All("Event").Where(e => e["involvedObject"]?["kind"]?.GetValue<string>() == "Node" && e["involvedObject"]?["name"]?.GetValue<string>() == node)];

    protected static string? ReleasedAnnotation(V1Node node) => node.GetAnnotation(GateAnnotations.Released);
}
