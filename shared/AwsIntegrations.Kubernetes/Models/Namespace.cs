namespace AwsIntegrations.Kubernetes.Models;

public sealed class Namespace : KubernetesObject
{
    public NamespaceStatus? Status { get; set; }
}
