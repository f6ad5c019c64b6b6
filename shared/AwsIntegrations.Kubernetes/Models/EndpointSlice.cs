namespace AwsIntegrations.Kubernetes.Models;

public sealed class EndpointSlice : KubernetesObject
{
    /// <summary>The label naming the Service a slice belongs to.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    public string AddressType { get; set; } = "IPv4";

    public List<Endpoint>? Endpoints { get; set; }

    public List<EndpointPort>? Ports { get; set; }
}

public sealed class Endpoint : Extensible
{
    public List<string> Addresses { get; set; } = [];

    public EndpointConditions? Conditions { get; set; }

    public string? NodeName { get; set; }

    public string? Zone { get; set; }

    public ObjectReference? TargetRef { get; set; }
}

public sealed class EndpointConditions : Extensible
{
    public bool? Ready { get; set; }

    public bool? Serving { get; set; }

    public bool? Terminating { get; set; }
}

public sealed class EndpointPort : Extensible
{
    public string? Name { get; set; }

    public int? Port { get; set; }

    public string? Protocol { get; set; }
}
