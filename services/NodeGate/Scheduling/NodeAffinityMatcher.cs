using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>The scheduler's NodeAffinity filter: the pod's nodeSelector and its required node affinity must both match the node.</summary>
public static class NodeAffinityMatcher
{
    public const string NodeNameField = "metadata.name";

    public static bool NodeSelectorMatches(IDictionary<string, string>? nodeSelector, V1Node node) =>
        nodeSelector is null || nodeSelector.All(p => node.GetLabel(p.Key) == p.Value);

    /// <summary>Terms are ORed; no terms, or a term without requirements, match nothing (as in component-helpers).</summary>
    public static bool RequiredAffinityMatches(V1NodeSelector? required, V1Node node) =>
        required is null || required.NodeSelectorTerms.Any(term => TermMatches(term, node));

    private static bool TermMatches(V1NodeSelectorTerm term, V1Node node)
    {
        var expressions = term.MatchExpressions ?? [];
        var fields = term.MatchFields ?? [];
        if (expressions.Count == 0 && fields.Count == 0)
        {
            return false;
        }

        return expressions.All(r => Requirement.Matches(r, node.GetLabel(r.Key)))
            && fields.All(r => FieldMatches(r, node));
    }

    /// <summary>Only metadata.name is a node field selectors accept, with In or NotIn and exactly one value; anything else fails the term.</summary>
    private static bool FieldMatches(V1NodeSelectorRequirement requirement, V1Node node) =>
        requirement.Key == NodeNameField
        && requirement.OperatorProperty is "In" or "NotIn"
        && requirement.Values is { Count: 1 }
        && Requirement.Matches(requirement, node.Metadata.Name);
}
