namespace AwsIntegrations.Kubernetes.Models;

public sealed class LoadBalancerStatus : Extensible
{
    public List<LoadBalancerIngress>? Ingress { get; set; }
}
