namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// What to do with one node. <see cref="Remove"/> lists the taint keys to remove now; <see cref="Missing"/> names
/// (namespace/name) the expected DaemonSets without a Ready pod there; <see cref="Deadline"/> is when to look again
/// (max-wait, or the end of a taintRemovalDelayInSeconds) while something still holds the node.
/// </summary>
public sealed record GateDecision(GateAction Action, IReadOnlyList<string> Missing, int Expected, DateTimeOffset? Deadline)
{
    public static GateDecision None { get; } = new(GateAction.None, [], 0, null);

    public IReadOnlyList<string> Remove { get; init; } = [];

    /// <summary>Whether the node ends free of every taint that held it (the release annotations are written then).</summary>
    public bool Releases => Action is GateAction.Release or GateAction.ForceRelease or GateAction.ReleaseAgain;
}
