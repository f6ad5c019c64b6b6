namespace AwsIntegrations.Kubernetes.Models;

public sealed class IngressTls : Extensible
{
    public List<string>? Hosts { get; set; }

    public string? SecretName { get; set; }
}
