namespace AwsIntegrations.Router.Routing;

/// <summary>The route table while it is built: routes are placed by host, and a second route at a place with the same predicates is refused.</summary>
public sealed class RouteTableDraft
{
    private readonly Dictionary<string, HostRoutes> _exactHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HostRoutes> _wildcardHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HostRoutes _anyHost = new();
    private Route? _defaultRoute;
    private int _count;

    /// <summary>Places a route by its host; returns the route that already holds that place with the same predicates, or null.</summary>
    public Route? Place(Route route)
    {
        var host = route.Host;
        var routes = host.Length == 0 ? _anyHost
            : host.StartsWith("*.", StringComparison.Ordinal) ? GetOrAdd(_wildcardHosts, host[2..])
            : GetOrAdd(_exactHosts, host);
        var holder = routes.Add(route);
        if (holder is null)
        {
            _count++;
        }

        return holder;
    }

    /// <summary>Sets the default backend's route unless an older Ingress set one; returns that one, or null.</summary>
    public Route? SetDefault(Route route)
    {
        if (_defaultRoute is not null)
        {
            return _defaultRoute;
        }

        _defaultRoute = route;
        _count++;
        return null;
    }

    public RouteTable Build() => new(_exactHosts, _wildcardHosts, _anyHost, _defaultRoute, _count);

    private static HostRoutes GetOrAdd(Dictionary<string, HostRoutes> hosts, string key)
    {
        if (!hosts.TryGetValue(key, out var routes))
        {
            hosts[key] = routes = new HostRoutes();
        }

        return routes;
    }
}
