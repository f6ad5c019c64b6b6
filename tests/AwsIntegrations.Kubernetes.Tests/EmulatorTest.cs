using AwsIntegrations.Kubernetes.Api;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests;

/// <summary>Each test gets its own API server emulator on a free loopback port and a KubernetesClient pointed at it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected KubernetesEmulator Kube { get; private set; } = null!;

    protected KubernetesConnection Connection { get; private set; } = null!;

    protected IKubernetes Client => Connection.Client;

    protected virtual KubernetesEmulatorOptions EmulatorOptions => new() { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    protected virtual KubernetesClientSettings Settings => new() { Qps = 0, RetryBackoff = TimeSpan.FromMilliseconds(10) };

    public async Task InitializeAsync()
    {
        Kube = await KubernetesEmulator.StartAsync(0, EmulatorOptions);
        Connection = NewConnection(Settings);
    }

    public async Task DisposeAsync()
    {
        Connection.Dispose();
        await Kube.DisposeAsync();
    }

    protected KubernetesConnection NewConnection(KubernetesClientSettings settings) => new(Config(), settings);

    protected KubernetesClientConfiguration Config() => new() { Host = Kube.BaseAddress.ToString() };

    /// <summary>Creates the pod in its own namespace, as kubectl create would.</summary>
    protected Task<V1Pod> CreatePodAsync(V1Pod pod) => Client.CoreV1.CreateNamespacedPodAsync(pod, pod.Metadata.NamespaceProperty);

    protected static V1Pod NewPod(string name, string ns = "default", IReadOnlyDictionary<string, string>? labels = null, string? node = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels?.ToDictionary() },
        Spec = new V1PodSpec { NodeName = node, Containers = [new V1Container { Name = "app", Image = "nginx" }] },
    };

    /// <summary>A pod written straight into the emulator's store (as another client would), with a status.</summary>
    protected JsonObject SeedPod(string name, string ip, string ns = "default", string? node = null, string? ownerUid = null)
    {
        Kube.Create("Pod", ns, JsonNode.Parse($$$"""
            {"metadata":{"name":"{{{name}}}","labels":{"app":"seed"}},"spec":{"nodeName":"{{{node ?? "node-1"}}}","containers":[{"name":"app","image":"nginx"}]} }
            """)!.AsObject());
        if (ownerUid is not null)
        {
            var definition = Kube.Store.Definition("Pod");
            Kube.Store.Update(definition, ns, name, o =>
            {
                o["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["name"] = "owner", ["uid"] = ownerUid });
                return o;
            }, status: false);
        }

        return Kube.Store.Update(Kube.Store.Definition("Pod"), ns, name, o =>
        {
            o["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = ip };
            return o;
        }, status: true).ToNode();
    }
}
