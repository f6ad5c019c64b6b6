using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// The routes of one host: Exact paths in a dictionary, Prefix paths in a tree by path element, and routes without a path-tree
/// place (path regular expressions, no path) in one chain tried last. Each place holds a chain of routes, highest priority first.
/// </summary>
public sealed class HostRoutes
{
    private readonly Dictionary<string, Route?> _exact = new(StringComparer.Ordinal);
    private Dictionary<string, Route?>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private Route? _unrooted;

    public PathNode Root { get; } = new();

    public IReadOnlyDictionary<string, Route?> Exact => _exact;

    /// <summary>The chain of routes without a path-tree place.</summary>
    public Route? Unrooted => _unrooted;

    /// <summary>Adds a route at its place unless one with the same predicates is there; returns that one (a conflict) or null.</summary>
    public Route? Add(Route route)
    {
        switch (route.Match)
        {
            case PathMatch.Exact:
                ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_exact, route.TreePath, out var existed);
                if (!existed)
                {
                    _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
                }

                return Route.Insert(ref head, route);
            case PathMatch.Prefix:
                var node = Root;
                foreach (var element in PathElements.Split(route.TreePath))
                {
                    node = node.GetOrAdd(element);
                }

                return node.Add(route);
            default:
                return Route.Insert(ref _unrooted, route);
        }
    }

    /// <summary>Exact path first, then the longest Prefix by whole path elements (shorter ones when its routes' predicates fail), then the rest.</summary>
    public Route? Match(ReadOnlySpan<char> path, HttpRequest request)
    {
        if (_exact.Count > 0 && _exactLookup.TryGetValue(path, out var exact) && Route.FirstMatch(exact, request) is { } exactRoute)
        {
            return exactRoute;
        }

        var node = Root;
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

            var child = node.Child(element);
            if (child is null)
            {
                break;
            }

            node = child;
        }

        for (var place = node; place is not null; place = place.Parent)
        {
            if (place.Route is { } head && Route.FirstMatch(head, request) is { } prefixRoute)
            {
                return prefixRoute;
            }
        }

        return _unrooted is null ? null : Route.FirstMatch(_unrooted, request);
    }
}
