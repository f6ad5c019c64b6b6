namespace AwsIntegrations.Kubernetes.Models;

public sealed class IngressBackend : Extensible
{
    public IngressServiceBackend? Service { get; set; }
}
