namespace AwsIntegrations.Kubernetes.Models;

public sealed class NodeAddress : Extensible
{
    public string Type { get; set; } = "";

    public string Address { get; set; } = "";
}
