namespace AwsIntegrations.Kubernetes.Models;

public sealed class PodStatus : Extensible
{
    public string? Phase { get; set; }

    public string? PodIP { get; set; }

    public List<PodIP>? PodIPs { get; set; }

    public string? HostIP { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public List<Condition>? Conditions { get; set; }
}
