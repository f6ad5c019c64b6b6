using AwsIntegrations.Kubernetes.Models;

namespace DnsController.Sources;

/// <summary>What the controller needs of an Ingress or Service: its hosts, its load balancer's addresses, its annotations.</summary>
public sealed record SourceObject(
    string Kind,
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> StatusTargets)
{
    /// <summary>The object itself, for Events; null in unit tests.</summary>
    public IKubernetesObject? Object { get; init; }

    /// <summary>external-dns' resource label: <c>ingress/default/web</c>.</summary>
    public string Resource => $"{Kind}/{Namespace}/{Name}";
}
