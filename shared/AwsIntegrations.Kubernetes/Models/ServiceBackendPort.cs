namespace AwsIntegrations.Kubernetes.Models;

public sealed class ServiceBackendPort : Extensible
{
    public string? Name { get; set; }

    public int? Number { get; set; }
}
