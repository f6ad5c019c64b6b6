namespace AwsIntegrations.NodeGate.Gate;

public enum GateAction
{
    /// <summary>The node carries no taint that holds it: nothing to do.</summary>
    None,

    /// <summary>Some expected DaemonSet has no Ready pod on the node yet and max-wait has not run out: nothing to remove yet.</summary>
    Wait,

    /// <summary>Some of nidhogg's per-DaemonSet taints can go (their DaemonSet is Ready there, or they are stale); others still hold the node.</summary>
    Progress,

    /// <summary>Every taint that holds the node can go: the DaemonSets each waits for have a Ready pod there.</summary>
    Release,

    /// <summary>Max-wait ran out: release anyway and say which DaemonSets were missing.</summary>
    ForceRelease,

    /// <summary>The node was released before (annotation) yet carries the taint again: it is never gated twice.</summary>
    ReleaseAgain,
}
