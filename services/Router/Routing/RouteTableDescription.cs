using System.Text.Json.Nodes;
using AwsIntegrations.Hosting.Options;

namespace Router.Routing;

/// <summary>The route table as JSON, in matching order (exact hosts, wildcards, host-less, default; Exact paths, then longest prefix first).</summary>
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
        var backend = route.Backend;
        return new JsonObject
        {
            ["host"] = isDefault ? "(default backend)" : route.Host.Length == 0 ? "(any)" : route.Host,
            ["match"] = isDefault ? null : route.Match.ToString(),
            ["path"] = isDefault ? null : route.Path,
            ["ingress"] = route.Ingress,
            ["service"] = $"{backend.ServiceNamespace}/{backend.ServiceName}:{backend.Port}",
            ["endpoints"] = new JsonArray([.. backend.Endpoints.Select(e => JsonValue.Create(e.Address))]),
            ["terminatingFallback"] = backend.TerminatingFallback,
            ["loadBalancer"] = IngressSettings.Name(backend.LoadBalancing),
            ["redirectToHttps"] = route.RedirectToHttps,
            ["timeout"] = route.Timeout is { } timeout ? GoDuration.Format(timeout) : null,
        };
    }

    public static string Summary(Route route) =>
        route.Host.Length == 0 && route.Path.Length == 0 ? $"{route.Ingress} (default backend)"
        : $"{route.Ingress} {(route.Host.Length == 0 ? "(any)" : route.Host)} {route.Match} {route.Path}";

    private static void AddHost(JsonArray routes, HostRoutes hostRoutes)
    {
        foreach (var (_, route) in hostRoutes.Exact.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            routes.Add(Describe(route));
        }

        var prefixes = new List<(string Path, Route Route)>();
        Collect(hostRoutes.Root, "", prefixes);
        foreach (var (_, route) in prefixes.OrderByDescending(p => p.Path.Length).ThenBy(p => p.Path, StringComparer.Ordinal))
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
