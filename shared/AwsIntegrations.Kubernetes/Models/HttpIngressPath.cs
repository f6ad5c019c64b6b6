namespace AwsIntegrations.Kubernetes.Models;

public sealed class HttpIngressPath : Extensible
{
    public string? Path { get; set; }

    public string PathType { get; set; } = "Prefix";

    public IngressBackend Backend { get; set; } = new();
}
