namespace AwsIntegrations.Router.Routing;

/// <summary>
/// One path element of a host's prefix tree; <see cref="Route"/> heads the chain of Prefix routes that end here. A lookup
/// that finds no matching route at the deepest node goes back up through <see cref="Parent"/> (skipper's path tree backtracks too).
/// </summary>
public sealed class PathNode
{
    private Dictionary<string, PathNode>? _children;
    private Dictionary<string, PathNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private Route? _route;

    public PathNode(PathNode? parent = null)
    {
        Parent = parent;
    }

    public PathNode? Parent { get; }

    public Route? Route => _route;

    public IEnumerable<KeyValuePair<string, PathNode>> Children => _children ?? [];

    public PathNode GetOrAdd(string element)
    {
        _children ??= new Dictionary<string, PathNode>(StringComparer.Ordinal);
        if (!_children.TryGetValue(element, out var child))
        {
            child = new PathNode(this);
            _children.Add(element, child);
            _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        return child;
    }

    public PathNode? Child(ReadOnlySpan<char> element) =>
        _children is not null && _lookup.TryGetValue(element, out var child) ? child : null;

    /// <summary>Adds a route to this node's chain; returns the route already there with the same predicates, if any.</summary>
    public Route? Add(Route route) => Routing.Route.Insert(ref _route, route);
}
