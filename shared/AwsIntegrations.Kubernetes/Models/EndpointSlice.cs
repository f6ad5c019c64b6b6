namespace AwsIntegrations.Kubernetes.Models;

public sealed class EndpointSlice : KubernetesObject
{
    /// <summary>The label naming the Service a slice belongs to.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    public string AddressType { get; set; } = "IPv4";

    public List<Endpoint>? Endpoints { get; set; }

    public List<EndpointPort>? Ports { get; set; }
}
