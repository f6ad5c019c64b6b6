using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Informers;

/// <summary>Compares an informer (its cache, and the view its notifications build) with the emulator's state.</summary>
internal sealed class InformerTestKit
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _notified = new(StringComparer.Ordinal);

    public List<string> Anomalies { get; } = [];

    public static readonly InformerOptions FastOptions = new()
    {
        PageSize = 7,
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>Tracks notifications: an add for a known key or a delete of an unknown one is a duplicate or a phantom.</summary>
    public InformerHandler<V1Pod> Handler => new(
        OnAdd: pod => Track(pod, added: true),
        OnUpdate: (_, pod) => Track(pod, added: false),
        OnDelete: pod =>
        {
            lock (_gate)
            {
                if (!_notified.Remove(InformerCache<V1Pod>.KeyOf(pod)))
                {
                    Anomalies.Add($"delete of unknown {InformerCache<V1Pod>.KeyOf(pod)}");
                }
            }
        });

    public static Dictionary<string, string> ServerState(KubernetesEmulator kube, string? ns = null) =>
        kube.All("Pod", ns).ToDictionary(
            p => $"{(string?)p["metadata"]!["namespace"]}/{(string?)p["metadata"]!["name"]}",
            p => (string)p["metadata"]!["resourceVersion"]!);

    public static Dictionary<string, string> CacheState(Informer<V1Pod> informer) =>
        informer.List().ToDictionary(InformerCache<V1Pod>.KeyOf, p => p.Metadata.ResourceVersion!);

    public Dictionary<string, string> NotifiedState()
    {
        lock (_gate)
        {
            return new Dictionary<string, string>(_notified);
        }
    }

    public static bool Converged(KubernetesEmulator kube, Informer<V1Pod> informer, InformerTestKit? kit = null)
    {
        var server = ServerState(kube);
        return Same(server, CacheState(informer)) && (kit is null || Same(server, kit.NotifiedState()));
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private void Track(V1Pod pod, bool added)
    {
        var key = InformerCache<V1Pod>.KeyOf(pod);
        lock (_gate)
        {
            if (added && _notified.ContainsKey(key))
            {
                Anomalies.Add($"duplicate add of {key}");
            }

            if (!added && !_notified.ContainsKey(key))
            {
                Anomalies.Add($"update of unknown {key}");
            }

            _notified[key] = pod.Metadata.ResourceVersion!;
        }
    }
}
