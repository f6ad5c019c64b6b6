namespace AwsIntegrations.Kubernetes.Models;

public sealed class Job : KubernetesObject
{
    public JobSpec? Spec { get; set; }

    public JobStatus? Status { get; set; }
}
