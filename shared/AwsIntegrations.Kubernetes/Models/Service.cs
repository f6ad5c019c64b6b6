namespace AwsIntegrations.Kubernetes.Models;

public sealed class Service : KubernetesObject
{
    public ServiceSpec? Spec { get; set; }

    public ServiceStatus? Status { get; set; }
}
