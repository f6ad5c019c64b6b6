using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>The scheduler's NodeAffinity filter: the pod's nodeSelector and its required node affinity must both match the node.</summary>
public static class NodeAffinityMatcher
{
    public const string NodeNameField = "metadata.name";

    public static bool NodeSelectorMatches(IReadOnlyDictionary<string, string>? nodeSelector, Node node) =>
        nodeSelector is null || nodeSelector.All(p => node.Metadata.Labels?.GetValueOrDefault(p.Key) == p.Value);

    /// <summary>Terms are ORed; no terms, or a term without requirements, match nothing (as in component-helpers).</summary>
    public static bool RequiredAffinityMatches(NodeSelector? required, Node node) =>
        required is null || required.NodeSelectorTerms.Any(term => TermMatches(term, node));

    private static bool TermMatches(NodeSelectorTerm term, Node node)
    {
        var expressions = term.MatchExpressions ?? [];
        var fields = term.MatchFields ?? [];
        if (expressions.Count == 0 && fields.Count == 0)
        {
            return false;
        }

        return expressions.All(r => Requirement.Matches(r, node.Metadata.Labels?.GetValueOrDefault(r.Key)))
            && fields.All(r => FieldMatches(r, node));
    }

    /// <summary>Only metadata.name is a node field selectors accept, with In or NotIn and exactly one value; anything else fails the term.</summary>
    private static bool FieldMatches(NodeSelectorRequirement requirement, Node node) =>
        requirement.Key == NodeNameField
        && requirement.Operator is "In" or "NotIn"
        && requirement.Values is { Count: 1 }
        && Requirement.Matches(requirement, node.Metadata.Name);
}
