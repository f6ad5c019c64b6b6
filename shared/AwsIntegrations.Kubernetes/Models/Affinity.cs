namespace AwsIntegrations.Kubernetes.Models;

/// <summary>core/v1 Affinity; only node affinity is typed, pod (anti-)affinity is kept as unknown fields.</summary>
public sealed class Affinity : Extensible
{
    public NodeAffinity? NodeAffinity { get; set; }
}

public sealed class NodeAffinity : Extensible
{
    public NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }
}

/// <summary>Terms are ORed; an empty term list matches no node.</summary>
public sealed class NodeSelector : Extensible
{
    public List<NodeSelectorTerm> NodeSelectorTerms { get; set; } = [];
}

/// <summary>Requirements are ANDed; a term without requirements matches no node.</summary>
public sealed class NodeSelectorTerm : Extensible
{
    public List<NodeSelectorRequirement>? MatchExpressions { get; set; }

    public List<NodeSelectorRequirement>? MatchFields { get; set; }
}

/// <summary>Operator: In, NotIn, Exists, DoesNotExist, Gt, Lt.</summary>
public sealed class NodeSelectorRequirement : Extensible
{
    public string Key { get; set; } = "";

    public string Operator { get; set; } = "";

    public List<string>? Values { get; set; }
}
