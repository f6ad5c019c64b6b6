namespace AwsIntegrations.Kubernetes.Models;

/// <summary>Read so that Jobs' owners can be followed (JobCleaner keeps the history a CronJob asks for).</summary>
public sealed class CronJob : KubernetesObject
{
    public CronJobSpec? Spec { get; set; }

    public CronJobStatus? Status { get; set; }
}

public sealed class CronJobSpec : Extensible
{
    public string Schedule { get; set; } = "";

    public bool? Suspend { get; set; }

    public int? SuccessfulJobsHistoryLimit { get; set; }

    public int? FailedJobsHistoryLimit { get; set; }
}

public sealed class CronJobStatus : Extensible
{
    public DateTimeOffset? LastScheduleTime { get; set; }

    public DateTimeOffset? LastSuccessfulTime { get; set; }

    public List<ObjectReference>? Active { get; set; }
}
