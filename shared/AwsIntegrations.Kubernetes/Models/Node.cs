namespace AwsIntegrations.Kubernetes.Models;

public sealed class Node : KubernetesObject
{
    public NodeSpec? Spec { get; set; }

    public NodeStatus? Status { get; set; }
}

public sealed class NodeSpec : Extensible
{
    public string? ProviderID { get; set; }

    public string? PodCIDR { get; set; }

    public bool? Unschedulable { get; set; }

    public List<Taint>? Taints { get; set; }
}

public sealed class NodeStatus : Extensible
{
    public List<NodeAddress>? Addresses { get; set; }

    public List<Condition>? Conditions { get; set; }
}

public sealed class NodeAddress : Extensible
{
    public string Type { get; set; } = "";

    public string Address { get; set; } = "";
}
