namespace AwsIntegrations.NodeGate.Gate;

/// <summary>What to do with one node. <see cref="Missing"/> names (namespace/name) the expected DaemonSets without a Ready pod there.</summary>
public sealed record GateDecision(GateAction Action, IReadOnlyList<string> Missing, int Expected, DateTimeOffset? Deadline)
{
    public static GateDecision None { get; } = new(GateAction.None, [], 0, null);
}
