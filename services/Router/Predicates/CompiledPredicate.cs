using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Predicates;

/// <summary>
/// One eskip predicate ready to be added to routes (compiled once per annotation, then shared by the routes it applies to):
/// a path-tree place (Path, PathSubtree), a weight (Weight), or a request check counting 1 towards the priority (null for
/// True(), which never fails). <see cref="Text"/> is its canonical eskip, part of the route's signature.
/// </summary>
public sealed record CompiledPredicate(string Text, IRequestPredicate? Check, int Weight, int Specificity, PathMatch TreeMatch = PathMatch.None, string TreePath = "")
{
    public bool IsTreePath => TreeMatch != PathMatch.None;
}
