namespace AwsIntegrations.Kubernetes.Models;

public sealed class CronJobStatus : Extensible
{
    public DateTimeOffset? LastScheduleTime { get; set; }

    public DateTimeOffset? LastSuccessfulTime { get; set; }

    public List<ObjectReference>? Active { get; set; }
}
