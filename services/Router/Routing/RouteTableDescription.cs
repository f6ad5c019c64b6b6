using System.Text.Json.Nodes;
using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// The route table as JSON, in matching order (exact hosts, wildcards, host-less, default; per host Exact paths, then longest
/// prefix first, then routes without a path-tree place; at each place the chain in the order it is tried).
/// </summary>
public static class RouteTableDescription
{
    public static JsonArray Routes(RouteTable table)
    {
        var routes = new JsonArray();
        foreach (var (_, hostRoutes) in table.ExactHosts.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            AddHost(routes, hostRoutes);
        }

        foreach (var (_, hostRoutes) in table.WildcardHosts.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            AddHost(routes, hostRoutes);
        }

        if (table.AnyHost is { } any)
        {
            AddHost(routes, any);
        }

        if (table.DefaultRoute is { } fallback)
        {
            routes.Add(Describe(fallback, isDefault: true));
        }

        return routes;
    }

    public static JsonObject Describe(Route route, bool isDefault = false)
    {
        var description = new JsonObject
        {
            ["host"] = isDefault ? "(default backend)" : route.Host.Length == 0 ? "(any)" : route.Host,
            ["match"] = isDefault ? null : route.Match.ToString(),
            ["path"] = isDefault ? null : route.Match == PathMatch.None ? route.Path : route.TreePath,
            ["ingress"] = route.Ingress,
        };
        if (route.CustomId.Length > 0)
        {
            description["customRoute"] = route.CustomId;
        }

        if (route.Signature.Length > 0)
        {
            description["predicates"] = route.Signature;
            description["priority"] = route.Priority;
        }

        if (route.FilterText.Length > 0)
        {
            description["filters"] = route.FilterText;
        }

        if (route.Backend is { } backend)
        {
            description["service"] = $"{backend.ServiceNamespace}/{backend.ServiceName}:{backend.Port}";
            description["endpoints"] = new JsonArray([.. backend.Endpoints.Select(e => JsonValue.Create(e.Address))]);
            description["terminatingFallback"] = backend.TerminatingFallback;
            description["loadBalancer"] = IngressSettings.Name(backend.LoadBalancing);
        }
        else
        {
            description["backend"] = route.Action == RouteAction.Shunt ? "<shunt>" : "<loopback>";
        }

        description["redirectToHttps"] = route.RedirectToHttps;
        if (route.RedirectToHttps && route.RedirectCode != 308)
        {
            description["redirectCode"] = route.RedirectCode;
        }

        description["timeout"] = route.Timeout is { } timeout ? GoDuration.Format(timeout) : null;
        return description;
    }

    public static string Summary(Route route)
    {
        var what = route.Host.Length == 0 && route.Path.Length == 0 ? $"{route.Ingress} (default backend)"
            : $"{route.Ingress} {(route.Host.Length == 0 ? "(any)" : route.Host)} {route.Match} {(route.Match == PathMatch.None ? route.Path : route.TreePath)}";
        return what + (route.CustomId.Length > 0 ? " route " + route.CustomId : "") + (route.Signature.Length > 0 ? " [" + route.Signature + "]" : "");
    }

    private static void AddHost(JsonArray routes, HostRoutes hostRoutes)
    {
        foreach (var (_, head) in hostRoutes.Exact.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            AddChain(routes, head);
        }

        var prefixes = new List<(string Path, Route Route)>();
        Collect(hostRoutes.Root, "", prefixes);
        foreach (var (_, head) in prefixes.OrderByDescending(p => p.Path.Length).ThenBy(p => p.Path, StringComparer.Ordinal))
        {
            AddChain(routes, head);
        }

        AddChain(routes, hostRoutes.Unrooted);
    }

    private static void AddChain(JsonArray routes, Route? head)
    {
        for (var route = head; route is not null; route = route.Next)
        {
            routes.Add(Describe(route));
        }
    }

    private static void Collect(PathNode node, string path, List<(string, Route)> into)
    {
        if (node.Route is { } route)
        {
            into.Add((path.Length == 0 ? "/" : path, route));
        }

        foreach (var (element, child) in node.Children)
        {
            Collect(child, path + "/" + element, into);
        }
    }
}
