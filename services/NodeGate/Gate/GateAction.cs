namespace AwsIntegrations.NodeGate.Gate;

public enum GateAction
{
    /// <summary>The node does not carry the startup taint: nothing to do.</summary>
    None,

    /// <summary>Some expected DaemonSet has no Ready pod on the node yet and max-wait has not run out.</summary>
    Wait,

    /// <summary>Every expected DaemonSet has a Ready pod on the node.</summary>
    Release,

    /// <summary>Max-wait ran out: release anyway and say which DaemonSets were missing.</summary>
    ForceRelease,

    /// <summary>The node was released before (annotation) yet carries the taint again: it is never gated twice.</summary>
    ReleaseAgain,
}
