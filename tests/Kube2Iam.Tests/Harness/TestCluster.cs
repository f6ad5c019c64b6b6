using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Aws;
using AwsIntegrations.Emulators.Kubernetes;

namespace AwsIntegrations.Kube2Iam.Tests.Harness;

/// <summary>The Kubernetes and AWS emulators on loopback, with the few moves the stories need: pods, namespaces, roles.</summary>
public sealed class TestCluster : IAsyncDisposable
{
    public const string Node = "node-a";

    private readonly string _directory = Directory.CreateTempSubdirectory("kube2iam-tests-").FullName;

    private TestCluster(KubernetesEmulator kube, AwsEmulator aws)
    {
        Kube = kube;
        Aws = aws;
        Kubeconfig = kube.WriteKubeconfig(Path.Combine(_directory, "kubeconfig"));
    }

    public KubernetesEmulator Kube { get; }

    public AwsEmulator Aws { get; }

    public string Kubeconfig { get; }

    public string Account => Aws.State.AccountId;

    public string BaseArn => $"arn:aws:iam::{Account}:role/";

    public string RoleArn(string name) => BaseArn + name;

    public int AssumeRoleCalls => Aws.Calls.Count("sts", "AssumeRole");

    [ModuleInitializer]
    internal static void UseEmulatorCredentials()
    {
        // The daemon under test signs STS calls with the emulator's key, as a node would with its own.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AwsEmulator.DefaultCredentials.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", AwsEmulator.DefaultCredentials.SecretAccessKey);
    }

    public static async Task<TestCluster> StartAsync(TimeProvider? time = null, KubernetesEmulatorOptions? kubernetes = null)
    {
        var kube = await KubernetesEmulator.StartAsync(0, kubernetes);
        var aws = await AwsEmulator.StartAsync(0, time: time);
        return new TestCluster(kube, aws);
    }

    /// <summary>The daemon's flags for this cluster (kubeconfig, AWS endpoint and region, upstream metadata, node).</summary>
    public List<string> DaemonFlags() =>
    [
        "--kubeconfig", Kubeconfig,
        "--aws-endpoint-url", Aws.BaseUrl.ToString().TrimEnd('/'),
        "--aws-region", Aws.State.Region,
        "--metadata-addr", Aws.BaseUrl.ToString().TrimEnd('/'),
        "--node", Node,
        "--base-role-arn", BaseArn,
        "--log-level", "warning",
        "--shutdown-delay", "0s",
    ];

    public JsonObject AddNamespace(string name, IDictionary<string, string>? annotations = null) =>
        Kube.Create("Namespace", null, new JsonObject { ["metadata"] = Metadata(name, null, annotations) });

    /// <summary>A pod scheduled on <paramref name="node"/> holding <paramref name="ip"/> (status as the kubelet writes it).</summary>
    public JsonObject AddPod(string ns, string name, string? ip, IDictionary<string, string>? annotations = null, string node = Node,
        string phase = "Running", bool hostNetwork = false, bool withFinalizer = false)
    {
        if (Kube.Get("Namespace", null, ns) is null)
        {
            AddNamespace(ns);
        }

        var metadata = Metadata(name, ns, annotations);
        if (withFinalizer)
        {
            metadata["finalizers"] = new JsonArray("test.kube2iam/hold");
        }

        Kube.Create("Pod", ns, new JsonObject
        {
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["nodeName"] = node,
                ["hostNetwork"] = hostNetwork,
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "app:1" }),
            },
        });
        return SetPodStatus(ns, name, phase, ip);
    }

    public JsonObject SetPodStatus(string ns, string name, string phase, string? ip)
    {
        var definition = Kube.Store.Definition("Pod");
        return Kube.Store.Update(definition, ns, name, pod =>
        {
            var status = new JsonObject { ["phase"] = phase };
            if (ip is not null)
            {
                status["podIP"] = ip;
                status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip });
            }

            pod["status"] = status;
            return pod;
        }, status: true).ToNode();
    }

    public void AnnotatePod(string ns, string name, string key, string value)
    {
        var definition = Kube.Store.Definition("Pod");
        Kube.Store.Update(definition, ns, name, pod =>
        {
            var metadata = pod["metadata"]!.AsObject();
            var annotations = metadata["annotations"] as JsonObject ?? [];
            annotations[key] = value;
            metadata["annotations"] = annotations.DeepClone();
            return pod;
        }, status: false);
    }

    public void DeletePod(string ns, string name) =>
        Kube.Store.Delete(Kube.Store.Definition("Pod"), ns, name, new AwsIntegrations.Emulators.Kubernetes.Store.DeleteRequest());

    public async ValueTask DisposeAsync()
    {
        await Aws.DisposeAsync();
        await Kube.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static JsonObject Metadata(string name, string? ns, IDictionary<string, string>? annotations)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (annotations is not null)
        {
            metadata["annotations"] = new JsonObject(annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value))));
        }

        return metadata;
    }
}
