namespace AwsIntegrations.Kubernetes.Models;

/// <summary>Read so that Jobs' owners can be followed (JobCleaner keeps the history a CronJob asks for).</summary>
public sealed class CronJob : KubernetesObject
{
    public CronJobSpec? Spec { get; set; }

    public CronJobStatus? Status { get; set; }
}
