namespace AwsIntegrations.Kubernetes.Models;

public sealed class Namespace : KubernetesObject
{
    public NamespaceStatus? Status { get; set; }
}

public sealed class NamespaceStatus : Extensible
{
    public string? Phase { get; set; }
}
