using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Tests;

/// <summary>Each test gets its own API server emulator on a free loopback port and a client pointed at it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected KubernetesEmulator Kube { get; private set; } = null!;

    protected KubernetesClient Client { get; private set; } = null!;

    protected virtual KubernetesEmulatorOptions EmulatorOptions => new() { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    protected virtual KubernetesClientSettings Settings => new() { Qps = 0, RetryBackoff = TimeSpan.FromMilliseconds(10) };

    public async Task InitializeAsync()
    {
        Kube = await KubernetesEmulator.StartAsync(0, EmulatorOptions);
        Client = NewClient(Settings);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Kube.DisposeAsync();
    }

    protected KubernetesClient NewClient(KubernetesClientSettings settings) => new(new KubernetesConnection(Kube.BaseAddress), settings);

    protected static Pod NewPod(string name, string ns = "default", IReadOnlyDictionary<string, string>? labels = null, string? node = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels?.ToDictionary() },
        Spec = new PodSpec { NodeName = node, Containers = [new Container { Name = "app", Image = "nginx" }] },
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
