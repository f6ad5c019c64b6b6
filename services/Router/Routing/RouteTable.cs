using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// The immutable route table: exact hosts, then one-label wildcards, then host-less rules, then the default backend. A lookup
/// costs two dictionary probes per host level and one per path element, whatever the number of routes; predicates are
/// evaluated only on the routes at the place found.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, HostRoutes>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly Dictionary<string, HostRoutes>.AlternateLookup<ReadOnlySpan<char>> _wildcardLookup;

    public RouteTable(Dictionary<string, HostRoutes> exactHosts, Dictionary<string, HostRoutes> wildcardHosts, HostRoutes? anyHost, Route? defaultRoute, int routeCount)
    {
        ExactHosts = exactHosts;
        WildcardHosts = wildcardHosts;
        AnyHost = anyHost;
        DefaultRoute = defaultRoute;
        RouteCount = routeCount;
        _exactLookup = exactHosts.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardLookup = wildcardHosts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static RouteTable Empty { get; } = new(new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase), null, null, 0);

    /// <summary>Keyed by host, case-insensitive.</summary>
    public IReadOnlyDictionary<string, HostRoutes> ExactHosts { get; }

    /// <summary>Keyed by the part after "*." (case-insensitive).</summary>
    public IReadOnlyDictionary<string, HostRoutes> WildcardHosts { get; }

    public HostRoutes? AnyHost { get; }

    public Route? DefaultRoute { get; }

    public int RouteCount { get; }

    /// <summary>The route for a request (its Host header, path, and whatever the routes' predicates look at); null: 404.</summary>
    public Route? Match(HttpRequest request) => Match(request.Host.Value, request.Path.Value ?? "/", request);

    /// <summary>The route for a Host header value (port and trailing dot ignored) and a path; the request is for predicates.</summary>
    public Route? Match(ReadOnlySpan<char> hostHeader, ReadOnlySpan<char> path, HttpRequest request)
    {
        var host = HostName.Trim(hostHeader);
        if (_exactLookup.TryGetValue(host, out var exact) && exact.Match(path, request) is { } exactRoute)
        {
            return exactRoute;
        }

        var suffix = HostName.WildcardSuffix(host);
        if (!suffix.IsEmpty && _wildcardLookup.TryGetValue(suffix, out var wildcard) && wildcard.Match(path, request) is { } wildcardRoute)
        {
            return wildcardRoute;
        }

        return AnyHost?.Match(path, request) ?? DefaultRoute;
    }
}
