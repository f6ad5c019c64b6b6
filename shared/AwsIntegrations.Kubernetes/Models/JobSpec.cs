namespace AwsIntegrations.Kubernetes.Models;

public sealed class JobSpec : Extensible
{
    public int? Parallelism { get; set; }

    public int? Completions { get; set; }

    public int? BackoffLimit { get; set; }

    public int? TtlSecondsAfterFinished { get; set; }

    public bool? Suspend { get; set; }

    public PodTemplateSpec? Template { get; set; }
}
