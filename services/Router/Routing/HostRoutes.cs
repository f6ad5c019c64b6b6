namespace Router.Routing;

/// <summary>The paths of one host: Exact paths in a dictionary, Prefix paths in a tree by path element.</summary>
public sealed class HostRoutes
{
    private readonly Dictionary<string, Route> _exact = new(StringComparer.Ordinal);
    private Dictionary<string, Route>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;

    public PathNode Root { get; } = new();

    public IReadOnlyDictionary<string, Route> Exact => _exact;

    /// <summary>Adds a route unless one with the same match and path exists; returns the route that holds the place.</summary>
    public Route Add(Route route)
    {
        if (route.Match == PathMatch.Exact)
        {
            if (_exact.TryGetValue(route.Path, out var existing))
            {
                return existing;
            }

            _exact.Add(route.Path, route);
            _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
            return route;
        }

        var node = Root;
        foreach (var element in PathElements.Split(route.Path))
        {
            node = node.GetOrAdd(element);
        }

        node.Route ??= route;
        return node.Route;
    }

    /// <summary>Exact match first, then the longest Prefix match by whole path elements.</summary>
    public Route? Match(ReadOnlySpan<char> path)
    {
        if (_exact.Count > 0 && _exactLookup.TryGetValue(path, out var exact))
        {
            return exact;
        }

        var node = Root;
        var best = node.Route;
        var rest = path;
        while (!rest.IsEmpty)
        {
            var slash = rest.IndexOf('/');
            var element = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? [] : rest[(slash + 1)..];
            if (element.IsEmpty)
            {
                continue;
            }

            node = node.Child(element);
            if (node is null)
            {
                break;
            }

            best = node.Route ?? best;
        }

        return best;
    }
}
