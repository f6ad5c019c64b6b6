using AwsIntegrations.NodeGate.Scheduling;

namespace AwsIntegrations.NodeGate.Options;

/// <summary>
/// nidhogg's config file, as NodeGate reads it: the DaemonSets nodes wait for, the nodes those apply to (null: every node),
/// the prefix of nidhogg's taints, how long a DaemonSet's pod must have been Ready before its taint goes, and the keys
/// NodeGate does not act on (each with why, logged once at start).
/// </summary>
public sealed record NidhoggConfig(
    IReadOnlyList<DaemonSetReference> DaemonSets,
    LabelSelector? NodeSelector,
    string TaintNamePrefix,
    TimeSpan TaintRemovalDelay,
    IReadOnlyList<string> Ignored)
{
    public static NidhoggConfig Empty { get; } = new([], null, Gate.GateTaints.NidhoggDefaultPrefix, TimeSpan.Zero, []);
}
