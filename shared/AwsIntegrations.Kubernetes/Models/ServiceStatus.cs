namespace AwsIntegrations.Kubernetes.Models;

public sealed class ServiceStatus : Extensible
{
    public LoadBalancerStatus? LoadBalancer { get; set; }
}
