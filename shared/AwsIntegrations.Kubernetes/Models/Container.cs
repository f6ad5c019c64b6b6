namespace AwsIntegrations.Kubernetes.Models;

public sealed class Container : Extensible
{
    public string Name { get; set; } = "";

    public string? Image { get; set; }

    public List<ContainerPortSpec>? Ports { get; set; }
}
