namespace AwsIntegrations.Kubernetes.Models;

public sealed class NamespaceStatus : Extensible
{
    public string? Phase { get; set; }
}
