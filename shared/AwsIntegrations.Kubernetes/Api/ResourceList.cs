using k8s.Models;

namespace AwsIntegrations.Kubernetes.Api;

/// <summary>One page of a list of any kind (KubernetesClient has a V1PodList, a V1JobList… but no generic one).</summary>
public sealed class ResourceList<T>
{
    public V1ListMeta Metadata { get; set; } = new();

    public List<T> Items { get; set; } = [];
}
