using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Filters;
using AwsIntegrations.Router.Predicates;
using Yarp.ReverseProxy.Forwarder;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// One route as the proxy uses it: an Ingress path (or defaultBackend, or a skipper-routes route) with its place in the path
/// tree, its predicates and priority, its filters and what it leads to. Routes at the same place form a chain through
/// <see cref="Next"/>, highest priority first; the chain is fixed once the table is built.
/// </summary>
public sealed class Route
{
    private static readonly IRequestPredicate[] NoPredicates = [];

    private Route? _next;

    public required string IngressNamespace { get; init; }

    public required string IngressName { get; init; }

    /// <summary>Normalized host ("" for host-less rules and the default backend; "*.example.com" for wildcards).</summary>
    public required string Host { get; init; }

    /// <summary>The Ingress path as written ("" for the default backend); the metric label.</summary>
    public required string Path { get; init; }

    /// <summary>Where the route sits: an Exact path, a Prefix, or None (tried after the path tree).</summary>
    public required PathMatch Match { get; init; }

    /// <summary>The Exact or Prefix path the route sits at ("" for <see cref="PathMatch.None"/>).</summary>
    public string TreePath { get; init; } = "";

    /// <summary>The Service behind a forwarding route; null for &lt;shunt&gt; and &lt;loopback&gt;.</summary>
    public Backend? Backend { get; init; }

    public RouteAction Action { get; init; } = RouteAction.Forward;

    /// <summary>Predicates other than the host and path-tree ones; empty for a plain Ingress path.</summary>
    public IRequestPredicate[] Predicates { get; init; } = NoPredicates;

    /// <summary>skipper's route weight: the number of predicates (beside Path/PathSubtree) plus Weight(n).</summary>
    public int Priority { get; init; }

    /// <summary>Breaks priority ties between path regular expressions: the longer one first.</summary>
    public int Specificity { get; init; }

    /// <summary>The predicates' canonical text: a second route with the same one at the same place conflicts with this one.</summary>
    public string Signature { get; init; } = "";

    /// <summary>The filter chain; null when there is none (the common case, which forwards without any filter work).</summary>
    public RouteFilter[]? Filters { get; init; }

    /// <summary>The eskip text of the filters, for descriptions.</summary>
    public string FilterText { get; init; } = "";

    /// <summary>The id of a zalando.org/skipper-routes route ("" for Ingress paths).</summary>
    public string CustomId { get; init; } = "";

    /// <summary>The status of the https redirect for requests that came over http; 0 for none.</summary>
    public int RedirectCode { get; init; }

    public bool RedirectToHttps => RedirectCode != 0;

    /// <summary>The Ingress's own backend timeout, when it sets one.</summary>
    public TimeSpan? Timeout { get; init; }

    public required ForwarderRequestConfig RequestConfig { get; init; }

    /// <summary>Metric labels of this route, built once.</summary>
    public required KeyValuePair<string, object?>[] Tags { get; init; }

    /// <summary>The next route at the same place (lower or equal priority).</summary>
    public Route? Next => _next;

    public string Ingress => IngressNamespace + "/" + IngressName;

    /// <summary>True when a forwarding route has no filters: the proxy's fast path.</summary>
    public bool IsPlain => Filters is null && Action == RouteAction.Forward;

    public bool Matches(HttpRequest request)
    {
        foreach (var predicate in Predicates)
        {
            if (!predicate.Matches(request))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first route of a chain whose predicates the request meets.</summary>
    public static Route? FirstMatch(Route? head, HttpRequest request)
    {
        for (var route = head; route is not null; route = route.Next)
        {
            if (route.Matches(request))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>
    /// Puts a route into a chain: after those of higher or equal priority (and, on equal priority, of higher or equal
    /// specificity), so older routes win ties. Returns the existing route when one with the same signature is there.
    /// </summary>
    public static Route? Insert(ref Route? head, Route route)
    {
        for (var existing = head; existing is not null; existing = existing.Next)
        {
            if (existing.Signature == route.Signature)
            {
                return existing;
            }
        }

        ref var slot = ref head;
        while (slot is not null && (slot.Priority > route.Priority || (slot.Priority == route.Priority && slot.Specificity >= route.Specificity)))
        {
            slot = ref slot._next;
        }

        route._next = slot;
        slot = route;
        return null;
    }
}
