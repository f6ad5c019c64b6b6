using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Predicates;

/// <summary>
/// What a route matches beside its host: its place in the path tree and its other predicates. <see cref="Priority"/> is
/// skipper's route weight (the number of predicates other than Path and PathSubtree, plus Weight(n)): among the routes at one
/// place the highest is tried first. <see cref="Signature"/> is the predicates' canonical text: two routes at one place with
/// the same signature are the same route.
/// </summary>
public readonly struct RouteConditions
{
    public static RouteConditions Plain(PathMatch match, string path) => new(match, path, [], 0, 0, "");

    public RouteConditions(PathMatch match, string path, IRequestPredicate[] predicates, int priority, int specificity, string signature)
    {
        Match = match;
        Path = path;
        Predicates = predicates;
        Priority = priority;
        Specificity = specificity;
        Signature = signature;
    }

    public PathMatch Match { get; }

    /// <summary>The Exact or Prefix path; "" for <see cref="PathMatch.None"/>.</summary>
    public string Path { get; }

    public IRequestPredicate[] Predicates { get; }

    public int Priority { get; }

    /// <summary>Breaks priority ties between routes with path regular expressions: the longer expression first.</summary>
    public int Specificity { get; }

    public string Signature { get; }
}
