namespace AwsIntegrations.Kubernetes.Models;

public sealed class JobStatus : Extensible
{
    public int? Active { get; set; }

    public int? Succeeded { get; set; }

    public int? Failed { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? CompletionTime { get; set; }

    public List<Condition>? Conditions { get; set; }
}
