using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Predicates;

/// <summary>
/// Collects a route's conditions: the path-tree place (from the Ingress path, or a Path/PathSubtree predicate) and the
/// predicates with their weight. At most one path-tree predicate, as in skipper; in path-prefix mode one from the
/// skipper-predicate annotation replaces the Ingress path's (skipper's applyAnnotationPredicates). One builder serves a whole
/// build, route after route (<see cref="Start"/>), so its lists are allocated once.
/// </summary>
public sealed class ConditionsBuilder
{
    private readonly List<IRequestPredicate> _predicates = [];
    private readonly List<string> _signature = [];
    private PathMatch _match = PathMatch.None;
    private string _path = "";
    private bool _pathFromIngress;
    private int _priority;
    private int _specificity;

    /// <summary>Starts a route at the place its Ingress path gives it (Exact, Prefix, or None for a regular-expression or empty path).</summary>
    public ConditionsBuilder Start(PathMatch match, string path)
    {
        _predicates.Clear();
        _signature.Clear();
        _priority = 0;
        _specificity = 0;
        _match = match;
        _path = path;
        _pathFromIngress = match != PathMatch.None;
        return this;
    }

    /// <summary>Adds a predicate; false when it is a second path-tree predicate that may not replace the first.</summary>
    public bool TryAdd(CompiledPredicate predicate, bool replaceIngressPath, out string problem)
    {
        problem = "";
        if (predicate.IsTreePath)
        {
            if (_match != PathMatch.None && !(replaceIngressPath && _pathFromIngress))
            {
                problem = "multiple tree predicates (Path, PathSubtree) in the route";
                return false;
            }

            _match = predicate.TreeMatch;
            _path = predicate.TreePath;
            _pathFromIngress = false;
            return true;
        }

        if (predicate.Check is not null)
        {
            _predicates.Add(predicate.Check);
        }

        _priority += predicate.Weight;
        _specificity = Math.Max(_specificity, predicate.Specificity);
        _signature.Add(predicate.Text);
        return true;
    }

    public RouteConditions Build()
    {
        if (_signature.Count == 0)
        {
            return RouteConditions.Plain(_match, _path);
        }

        _signature.Sort(StringComparer.Ordinal);
        var signature = _signature.Count == 1 ? _signature[0] : string.Join(" && ", _signature);
        return new RouteConditions(_match, _path, _predicates.Count == 0 ? [] : [.. _predicates], _priority, _specificity, signature);
    }
}
