using k8s;
using k8s.Models;
using AwsIntegrations.NodeGate.Options;
using AwsIntegrations.NodeGate.Scheduling;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// The DaemonSets nodes wait for: those matching --daemonset-selector, on every node, plus those listed in --config-file, on
/// the nodes its <c>nodeSelector</c> matches (all nodes without one), as nidhogg applies them (handler.go HandleNode).
/// </summary>
public sealed class RequiredDaemonSets(LabelSelector? selector, IReadOnlyList<DaemonSetReference> listed, LabelSelector? listedOnNodes = null)
{
    public IReadOnlyList<V1DaemonSet> From(IEnumerable<V1DaemonSet> all) =>
        [.. all.Where(IsRequired).OrderBy(d => d.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(d => d.Metadata.Name, StringComparer.Ordinal)];

    public bool IsRequired(V1DaemonSet daemonSet) => daemonSet.Metadata.DeletionTimestamp is null && (IsSelected(daemonSet) || IsListed(daemonSet));

    /// <summary>Of the <paramref name="required"/> DaemonSets, those that apply to <paramref name="node"/>.</summary>
    public IReadOnlyList<V1DaemonSet> On(V1Node node, IReadOnlyList<V1DaemonSet> required) =>
        listedOnNodes is null || listedOnNodes.Matches(node.Metadata.Labels) ? required : [.. required.Where(IsSelected)];

    private bool IsSelected(V1DaemonSet daemonSet) => selector?.Matches(daemonSet.Metadata.Labels) == true;

    private bool IsListed(V1DaemonSet daemonSet) =>
        listed.Contains(new DaemonSetReference(daemonSet.Metadata.NamespaceProperty ?? "", daemonSet.Metadata.Name ?? ""));
}
