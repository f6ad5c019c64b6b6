namespace AwsIntegrations.Kubernetes.Models;

/// <summary>An owner (a Job owned by a CronJob, a Pod owned by a Job or a DaemonSet).</summary>
public sealed class OwnerReference : Extensible
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public string Uid { get; set; } = "";

    public bool? Controller { get; set; }

    public bool? BlockOwnerDeletion { get; set; }
}
