namespace AwsIntegrations.Kubernetes.Models;

public sealed class IngressServiceBackend : Extensible
{
    public string Name { get; set; } = "";

    public ServiceBackendPort? Port { get; set; }
}
