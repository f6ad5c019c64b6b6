namespace AwsIntegrations.Kubernetes.Models;

public sealed class CronJobSpec : Extensible
{
    public string Schedule { get; set; } = "";

    public bool? Suspend { get; set; }

    public int? SuccessfulJobsHistoryLimit { get; set; }

    public int? FailedJobsHistoryLimit { get; set; }
}
