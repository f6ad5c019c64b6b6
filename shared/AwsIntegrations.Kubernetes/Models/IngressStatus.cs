namespace AwsIntegrations.Kubernetes.Models;

public sealed class IngressStatus : Extensible
{
    public LoadBalancerStatus? LoadBalancer { get; set; }
}
