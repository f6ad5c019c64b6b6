using k8s;
using k8s.Models;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Benchmarks.Router.Cluster;

/// <summary>
/// N Ingresses as a busy cluster has them: each its own host with three paths (/ and /api/vK, /health Exact), a Service and an
/// EndpointSlice; every tenth one is a wildcard host, spread over 50 namespaces. A quarter each use skipper's route language
/// as teams migrating from skipper do (<see cref="Features"/>): plain Prefix paths; a canary split by
/// zalando.org/backend-weights (80/20 on "/", a second Service); a filter chain (skipper-filter) and a CORS route
/// (skipper-routes); ImplementationSpecific paths (regular expressions in skipper's default mode) with a Methods predicate.
/// </summary>
public static class SyntheticCluster
{
    public const int Namespaces = 50;

    public const string Features =
        "a quarter each: plain Prefix paths; a canary split by `zalando.org/backend-weights` 80/20 on `/` (a second Service); " +
        "`zalando.org/skipper-filter: setRequestHeader(…) -> setResponseHeader(…)` and a `zalando.org/skipper-routes` CORS route " +
        "(`Method(\"OPTIONS\") -> setResponseHeader(…) -> status(200) -> <shunt>`); ImplementationSpecific paths (regular expressions " +
        "`^/`, `^(/api/vK)` in skipper's default path mode) with `zalando.org/skipper-predicate: Methods(\"GET\", \"HEAD\")`";

    /// <summary>Ingresses [0, count) with three pods each on made-up pod IPs (for builds and lookups in-process).</summary>
    public static ClusterState Create(int count) =>
        Create(0, count, i => [.. Enumerable.Range(1, 3).Select(p => $"10.{i / 250 % 250}.{i % 250}.{p}")], 8080);

    /// <summary>Ingresses [from, to), each Service's endpoints at the given addresses and port.</summary>
    public static ClusterState Create(int from, int to, Func<int, IReadOnlyList<string>> addresses, int port)
    {
        var ingresses = new List<V1Ingress>(to - from);
        var services = new List<V1Service>(to - from);
        var slices = new List<V1EndpointSlice>(to - from);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = from; i < to; i++)
        {
            var ns = Namespace(i);
            var name = "app-" + i;
            var feature = i % 4;
            var pathType = feature == 3 ? "ImplementationSpecific" : "Prefix";
            var backend = Backend(name);
            var paths = new List<V1HTTPIngressPath>
            {
                new() { Path = "/", PathType = pathType, Backend = backend },
                new() { Path = "/api/v" + (i % 3), PathType = pathType, Backend = backend },
                new() { Path = "/health", PathType = "Exact", Backend = backend },
            };
            if (feature == 1)
            {
                paths.Insert(1, new V1HTTPIngressPath { Path = "/", PathType = pathType, Backend = Backend(name + "-canary") });
                AddService(services, slices, ns, name + "-canary", addresses(i), port);
            }

            ingresses.Add(new V1Ingress
            {
                Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name, CreationTimestamp = (start.AddSeconds(i)).UtcDateTime, Annotations = Annotations(feature, name) },
                Spec = new V1IngressSpec
                {
                    IngressClassName = "aws-integrations",
                    Rules = [new V1IngressRule { Host = Host(i), Http = new V1HTTPIngressRuleValue { Paths = paths } }],
                },
            });
            AddService(services, slices, ns, name, addresses(i), port);
        }

        return new ClusterState(ingresses, services, slices);
    }

    /// <summary>The annotations of a feature group (null for plain Ingresses).</summary>
    public static Dictionary<string, string>? Annotations(int feature, string name) => feature switch
    {
        1 => new() { [SkipperAnnotations.BackendWeightsAnnotation] = $"{{\"{name}\": 80, \"{name}-canary\": 20}}" },
        2 => new()
        {
            [SkipperAnnotations.FilterAnnotation] = $"setRequestHeader(\"X-App\", \"{name}\") -> setResponseHeader(\"X-Served-By\", \"router\")",
            [SkipperAnnotations.RoutesAnnotation] = "options: Method(\"OPTIONS\") -> setResponseHeader(\"Access-Control-Allow-Origin\", \"*\") -> status(200) -> <shunt>;",
        },
        3 => new() { [SkipperAnnotations.PredicateAnnotation] = "Methods(\"GET\", \"HEAD\")" },
        _ => null,
    };

    public static string Namespace(int i) => "team-" + (i % Namespaces);

    public static string Host(int i) => i % 10 == 9 ? $"*.tenant-{i}.example.com" : $"app-{i}.example.com";

    /// <summary>A Host header that reaches Ingress i.</summary>
    public static string RequestHost(int i) => i % 10 == 9 ? $"shop.tenant-{i}.example.com" : $"app-{i}.example.com";

    /// <summary>A request path for Ingress i: each of its three paths, and one that falls back to its "/" route.</summary>
    public static string RequestPath(int i, int variant) => (variant % 4) switch
    {
        0 => "/",
        1 => "/api/v" + (i % 3) + "/orders/123",
        2 => "/health",
        _ => "/static/css/site.css",
    };

    private static V1IngressBackend Backend(string service) =>
        new() { Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = 80 } } };

    private static void AddService(List<V1Service> services, List<V1EndpointSlice> slices, string ns, string name, IReadOnlyList<string> addresses, int port)
    {
        services.Add(new V1Service { Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name }, Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] } });
        slices.Add(new V1EndpointSlice
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name + "-x1", Labels = new Dictionary<string, string>() { [AwsIntegrations.Router.Routing.EndpointResolver.ServiceNameLabel] = name } },
            AddressType = "IPv4",
            Ports = [new Discoveryv1EndpointPort { Port = port }],
            Endpoints = [.. addresses.Select(address => new V1Endpoint
            {
                Addresses = [address],
                Conditions = new V1EndpointConditions { Ready = true, Serving = true, Terminating = false },
            })],
        });
    }
}
