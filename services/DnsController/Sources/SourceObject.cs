using k8s;
using k8s.Models;

namespace AwsIntegrations.DnsController.Sources;

/// <summary>What the controller needs of an Ingress or Service: its hosts, its load balancer's addresses, its annotations.</summary>
public sealed record SourceObject(
    string Kind,
    string Namespace,
    string Name,
    IDictionary<string, string> Annotations,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> StatusTargets)
{
    /// <summary>Whether the hostname annotation adds names (not with --ignore-hostname-annotation or ingress-hostname-source=defined-hosts-only).</summary>
    public bool UsesHostnameAnnotation { get; init; } = true;

    /// <summary>The object itself, for Events; null in unit tests.</summary>
    public IKubernetesObject<V1ObjectMeta>? Object { get; init; }

    /// <summary>external-dns' resource label: <c>ingress/default/web</c>.</summary>
    public string Resource => $"{Kind}/{Namespace}/{Name}";
}
