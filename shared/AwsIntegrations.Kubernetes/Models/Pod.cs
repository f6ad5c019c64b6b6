namespace AwsIntegrations.Kubernetes.Models;

public sealed class Pod : KubernetesObject
{
    public PodSpec? Spec { get; set; }

    public PodStatus? Status { get; set; }
}
