using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.NodeGate.Options;
using AwsIntegrations.NodeGate.Scheduling;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>The DaemonSets nodes wait for: those matching --daemonset-selector plus those listed in --config-file.</summary>
public sealed class RequiredDaemonSets(LabelSelector? selector, IReadOnlyList<DaemonSetReference> listed)
{
    public IReadOnlyList<DaemonSet> From(IEnumerable<DaemonSet> all) =>
        [.. all.Where(IsRequired).OrderBy(d => d.Metadata.Namespace, StringComparer.Ordinal).ThenBy(d => d.Metadata.Name, StringComparer.Ordinal)];

    public bool IsRequired(DaemonSet daemonSet) =>
        daemonSet.Metadata.DeletionTimestamp is null
        && (selector?.Matches(daemonSet.Metadata.Labels) == true
            || listed.Contains(new DaemonSetReference(daemonSet.Metadata.Namespace ?? "", daemonSet.Metadata.Name ?? "")));
}
