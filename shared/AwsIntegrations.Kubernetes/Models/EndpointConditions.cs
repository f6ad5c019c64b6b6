namespace AwsIntegrations.Kubernetes.Models;

public sealed class EndpointConditions : Extensible
{
    public bool? Ready { get; set; }

    public bool? Serving { get; set; }

    public bool? Terminating { get; set; }
}
