namespace AwsIntegrations.Kubernetes.Models;

/// <summary>A list answer (PodList, JobList, …): items plus the list's resourceVersion and continue token.</summary>
public sealed class KubernetesList<T> : Extensible
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ListMeta Metadata { get; set; } = new();

    public List<T> Items { get; set; } = [];
}
