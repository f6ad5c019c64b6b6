using AwsIntegrations.Kubernetes.Models;
using Router.Backends;
using Yarp.ReverseProxy.Forwarder;

namespace Router.Routing;

/// <summary>
/// Builds the route table from the cluster state, off the request path. Ingresses are taken oldest first, so when two claim the
/// same host, path type and path (or both set a defaultBackend) the oldest wins and the other gets a RouteConflict problem.
/// </summary>
public static class RouteTableBuilder
{
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    public static BuildResult Build(ClusterState state, BuildSettings settings)
    {
        var problems = new List<BuildProblem>();
        var resolver = new EndpointResolver(state.Services, state.EndpointSlices);
        var backends = new Dictionary<(string, string, string, Options.LoadBalancing), Backend>();
        var configs = new Dictionary<TimeSpan, ForwarderRequestConfig>();
        var exactHosts = new Dictionary<string, HostRoutes>(StringComparer.OrdinalIgnoreCase);
        var wildcardHosts = new Dictionary<string, HostRoutes>(StringComparer.OrdinalIgnoreCase);
        var anyHost = new HostRoutes();
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        Route? defaultRoute = null;
        var count = 0;

        foreach (var ingress in state.Ingresses.Where(i => IsOurs(i, settings.IngressClass)).OrderBy(i => i, IngressAge.Comparer))
        {
            var ns = ingress.Metadata.Namespace ?? "";
            var annotations = IngressSettings.Read(ingress, settings.DefaultLoadBalancing, problems);
            var config = Config(configs, annotations.Timeout ?? settings.BackendTimeout);

            Route? MakeRoute(string host, string path, PathMatch match, IngressServiceBackend service)
            {
                var portText = EndpointResolver.PortText(service.Port);
                var key = (ns, service.Name, portText, annotations.LoadBalancing);
                if (!backends.TryGetValue(key, out var backend))
                {
                    var resolved = resolver.Resolve(ns, service);
                    if (resolved.Problem is not null)
                    {
                        problems.Add(new(ingress, "BackendNotFound", resolved.Problem));
                    }

                    addresses.UnionWith(resolved.Addresses);
                    backend = new Backend(ns, service.Name, portText, [.. resolved.Addresses.Select(settings.Endpoints.Get)], resolved.TerminatingFallback, annotations.LoadBalancing);
                    backends[key] = backend;
                }

                return new Route
                {
                    IngressNamespace = ns,
                    IngressName = ingress.Metadata.Name ?? "",
                    Host = host,
                    Path = path,
                    Match = match,
                    Backend = backend,
                    RedirectToHttps = annotations.RedirectToHttps,
                    Timeout = annotations.Timeout,
                    RequestConfig = config,
                    Tags = [new("ingress", ns + "/" + ingress.Metadata.Name), new("host", host), new("path", path)],
                };
            }

            if (ingress.Spec?.DefaultBackend is { } defaultBackend)
            {
                if (defaultBackend.Service is not { } service)
                {
                    problems.Add(new(ingress, "UnsupportedBackend", "defaultBackend without a service is not supported"));
                }
                else if (defaultRoute is null)
                {
                    defaultRoute = MakeRoute("", "", PathMatch.Prefix, service);
                    count++;
                }
                else
                {
                    problems.Add(new(ingress, "RouteConflict", $"defaultBackend ignored: Ingress {defaultRoute.Ingress} is older and sets one"));
                }
            }

            foreach (var rule in ingress.Spec?.Rules ?? [])
            {
                if (!TryHost(rule.Host, out var host, out var hostProblem))
                {
                    problems.Add(new(ingress, "InvalidHost", hostProblem));
                    continue;
                }

                var routes = host.Length == 0 ? anyHost
                    : host.StartsWith("*.", StringComparison.Ordinal) ? GetOrAdd(wildcardHosts, host[2..])
                    : GetOrAdd(exactHosts, host);
                foreach (var path in rule.Http?.Paths ?? [])
                {
                    if (!TryPath(path, out var match, out var pathText, out var pathProblem))
                    {
                        problems.Add(new(ingress, "InvalidPath", pathProblem));
                        continue;
                    }

                    if (path.Backend.Service is not { } service)
                    {
                        problems.Add(new(ingress, "UnsupportedBackend", $"{Describe(host, pathText)}: only service backends are supported"));
                        continue;
                    }

                    var route = MakeRoute(host, pathText, match, service)!;
                    var holder = routes.Add(route);
                    if (ReferenceEquals(holder, route))
                    {
                        count++;
                    }
                    else
                    {
                        problems.Add(new(ingress, "RouteConflict",
                            $"{Describe(host, pathText)} ({match}) ignored: Ingress {holder.Ingress} is older and routes it"));
                    }
                }
            }
        }

        var table = new RouteTable(exactHosts, wildcardHosts, anyHost, defaultRoute, count);
        return new BuildResult(table, problems, addresses);
    }

    public static bool IsOurs(Ingress ingress, string ingressClass) =>
        (ingress.Spec?.IngressClassName ?? ingress.Metadata.Annotation(ClassAnnotation)) == ingressClass;

    private static bool TryHost(string? raw, out string host, out string problem)
    {
        host = string.IsNullOrWhiteSpace(raw) ? "" : HostName.Normalize(raw);
        problem = "";
        var star = host.LastIndexOf('*');
        if (star > 0 || (star == 0 && (!host.StartsWith("*.", StringComparison.Ordinal) || host.Length < 3)))
        {
            problem = $"host \"{raw}\": a wildcard must be a whole first label, as in *.example.com";
            return false;
        }

        return true;
    }

    private static bool TryPath(HttpIngressPath path, out PathMatch match, out string text, out string problem)
    {
        text = string.IsNullOrEmpty(path.Path) ? "/" : path.Path;
        problem = "";
        match = PathMatch.Prefix;
        switch (path.PathType)
        {
            case "Exact":
                match = PathMatch.Exact;
                break;
            case "Prefix" or "ImplementationSpecific":
                break;
            default:
                problem = $"path \"{text}\": unknown pathType \"{path.PathType}\"";
                return false;
        }

        if (!text.StartsWith('/'))
        {
            problem = $"path \"{text}\": must start with /";
            return false;
        }

        return true;
    }

    private static string Describe(string host, string path) => (host.Length == 0 ? "(any host)" : host) + path;

    private static HostRoutes GetOrAdd(Dictionary<string, HostRoutes> hosts, string key)
    {
        if (!hosts.TryGetValue(key, out var routes))
        {
            hosts[key] = routes = new HostRoutes();
        }

        return routes;
    }

    private static ForwarderRequestConfig Config(Dictionary<TimeSpan, ForwarderRequestConfig> configs, TimeSpan timeout)
    {
        if (!configs.TryGetValue(timeout, out var config))
        {
            configs[timeout] = config = new ForwarderRequestConfig
            {
                ActivityTimeout = timeout,
                Version = System.Net.HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            };
        }

        return config;
    }
}
