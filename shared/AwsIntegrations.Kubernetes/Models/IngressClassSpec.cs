namespace AwsIntegrations.Kubernetes.Models;

public sealed class IngressClassSpec : Extensible
{
    public string? Controller { get; set; }
}
