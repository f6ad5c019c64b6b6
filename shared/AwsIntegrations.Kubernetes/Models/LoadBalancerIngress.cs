namespace AwsIntegrations.Kubernetes.Models;

public sealed class LoadBalancerIngress : Extensible
{
    public string? Ip { get; set; }

    public string? Hostname { get; set; }
}
