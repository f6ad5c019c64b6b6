namespace AwsIntegrations.Kubernetes.Models;

public sealed class Job : KubernetesObject
{
    public JobSpec? Spec { get; set; }

    public JobStatus? Status { get; set; }
}

public sealed class JobSpec : Extensible
{
    public int? Parallelism { get; set; }

    public int? Completions { get; set; }

    public int? BackoffLimit { get; set; }

    public int? TtlSecondsAfterFinished { get; set; }

    public bool? Suspend { get; set; }

    public PodTemplateSpec? Template { get; set; }
}

public sealed class JobStatus : Extensible
{
    public int? Active { get; set; }

    public int? Succeeded { get; set; }

    public int? Failed { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? CompletionTime { get; set; }

    public List<Condition>? Conditions { get; set; }
}
