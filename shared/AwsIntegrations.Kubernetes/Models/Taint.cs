namespace AwsIntegrations.Kubernetes.Models;

/// <summary>core/v1 Taint: keeps pods that do not tolerate it off the node (NoSchedule, PreferNoSchedule) or evicts them (NoExecute).</summary>
public sealed class Taint : Extensible
{
    public string Key { get; set; } = "";

    public string? Value { get; set; }

    public string Effect { get; set; } = "";
}
