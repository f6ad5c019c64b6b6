namespace AwsIntegrations.Kubernetes.Models;

public sealed class NodeSpec : Extensible
{
    public string? ProviderID { get; set; }

    public string? PodCIDR { get; set; }

    public bool? Unschedulable { get; set; }

    public List<Taint>? Taints { get; set; }
}
