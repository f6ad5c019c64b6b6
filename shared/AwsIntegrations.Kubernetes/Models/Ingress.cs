namespace AwsIntegrations.Kubernetes.Models;

public sealed class Ingress : KubernetesObject
{
    public IngressSpec? Spec { get; set; }

    public IngressStatus? Status { get; set; }
}
