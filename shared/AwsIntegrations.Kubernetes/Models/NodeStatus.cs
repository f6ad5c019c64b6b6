namespace AwsIntegrations.Kubernetes.Models;

public sealed class NodeStatus : Extensible
{
    public List<NodeAddress>? Addresses { get; set; }

    public List<Condition>? Conditions { get; set; }
}
