namespace AwsIntegrations.Kubernetes.Models;

public sealed class Endpoint : Extensible
{
    public List<string> Addresses { get; set; } = [];

    public EndpointConditions? Conditions { get; set; }

    public string? NodeName { get; set; }

    public string? Zone { get; set; }

    public ObjectReference? TargetRef { get; set; }
}
