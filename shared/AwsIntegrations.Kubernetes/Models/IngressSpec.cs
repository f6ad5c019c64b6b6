namespace AwsIntegrations.Kubernetes.Models;

public sealed class IngressSpec : Extensible
{
    public string? IngressClassName { get; set; }

    public IngressBackend? DefaultBackend { get; set; }

    public List<IngressTls>? Tls { get; set; }

    public List<IngressRule>? Rules { get; set; }
}
