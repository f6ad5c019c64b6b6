namespace AwsIntegrations.Kubernetes.Models;

public sealed class Node : KubernetesObject
{
    public NodeSpec? Spec { get; set; }

    public NodeStatus? Status { get; set; }
}
