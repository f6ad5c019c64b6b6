using k8s;
using k8s.Models;

namespace AwsIntegrations.Router.Routing;

/// <summary>Oldest first (creationTimestamp), then namespace and name, so conflicts resolve the same way in every replica.</summary>
public sealed class IngressAge : IComparer<V1Ingress>
{
    public static IngressAge Comparer { get; } = new();

    public int Compare(V1Ingress? x, V1Ingress? y)
    {
        var byTime = (x?.Metadata.CreationTimestamp ?? DateTimeOffset.MaxValue).CompareTo(y?.Metadata.CreationTimestamp ?? DateTimeOffset.MaxValue);
        if (byTime != 0)
        {
            return byTime;
        }

        var byNamespace = string.CompareOrdinal(x?.Metadata.NamespaceProperty, y?.Metadata.NamespaceProperty);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(x?.Metadata.Name, y?.Metadata.Name);
    }
}
