namespace Router.Routing;

/// <summary>One path element of a host's prefix tree; <see cref="Route"/> is set where a Prefix path ends.</summary>
public sealed class PathNode
{
    private Dictionary<string, PathNode>? _children;
    private Dictionary<string, PathNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Route? Route { get; set; }

    public IEnumerable<KeyValuePair<string, PathNode>> Children => _children ?? [];

    public PathNode GetOrAdd(string element)
    {
        _children ??= new Dictionary<string, PathNode>(StringComparer.Ordinal);
        if (!_children.TryGetValue(element, out var child))
        {
            child = new PathNode();
            _children.Add(element, child);
            _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        return child;
    }

    public PathNode? Child(ReadOnlySpan<char> element) =>
        _children is not null && _lookup.TryGetValue(element, out var child) ? child : null;
}
