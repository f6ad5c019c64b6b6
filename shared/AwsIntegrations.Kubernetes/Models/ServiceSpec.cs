namespace AwsIntegrations.Kubernetes.Models;

public sealed class ServiceSpec : Extensible
{
    public string? Type { get; set; }

    public string? ClusterIP { get; set; }

    public string? ExternalName { get; set; }

    public Dictionary<string, string>? Selector { get; set; }

    public List<ServicePort>? Ports { get; set; }
}
