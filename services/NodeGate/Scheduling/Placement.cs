namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>Whether a DaemonSet would run a pod on a node, and if not, why (for logs).</summary>
public sealed record Placement(bool Runs, string? Reason)
{
    public static Placement Yes { get; } = new(true, null);

    public static Placement No(string reason) => new(false, reason);
}
