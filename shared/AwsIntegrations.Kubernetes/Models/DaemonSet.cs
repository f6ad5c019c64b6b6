namespace AwsIntegrations.Kubernetes.Models;

public sealed class DaemonSet : KubernetesObject
{
    public DaemonSetSpec? Spec { get; set; }

    public DaemonSetStatus? Status { get; set; }
}
