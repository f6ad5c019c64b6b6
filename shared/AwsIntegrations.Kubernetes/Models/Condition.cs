namespace AwsIntegrations.Kubernetes.Models;

/// <summary>A status condition (Pod, Node, Job conditions share this shape).</summary>
public sealed class Condition : Extensible
{
    public string Type { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset? LastTransitionTime { get; set; }

    public DateTimeOffset? LastProbeTime { get; set; }

    public DateTimeOffset? LastHeartbeatTime { get; set; }
}
