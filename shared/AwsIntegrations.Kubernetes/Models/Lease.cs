namespace AwsIntegrations.Kubernetes.Models;

/// <summary>coordination.k8s.io/v1 Lease, the lock of leader election.</summary>
public sealed class Lease : KubernetesObject
{
    public LeaseSpec? Spec { get; set; }
}
