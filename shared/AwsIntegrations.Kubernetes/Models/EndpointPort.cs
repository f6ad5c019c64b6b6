namespace AwsIntegrations.Kubernetes.Models;

public sealed class EndpointPort : Extensible
{
    public string? Name { get; set; }

    public int? Port { get; set; }

    public string? Protocol { get; set; }
}
