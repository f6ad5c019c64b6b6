namespace AwsIntegrations.Kubernetes.Models;

public sealed class ContainerPortSpec : Extensible
{
    public string? Name { get; set; }

    public int ContainerPort { get; set; }

    public string? Protocol { get; set; }
}
