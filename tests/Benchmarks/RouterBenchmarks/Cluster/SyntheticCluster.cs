using AwsIntegrations.Kubernetes.Models;
using Router.Routing;

namespace Router.Benchmarks.Cluster;

/// <summary>
/// N Ingresses as a busy cluster has them: each its own host with three paths (/ and /api/vK Prefix, /health Exact), a Service
/// and an EndpointSlice; every tenth one is a wildcard host, spread over 50 namespaces.
/// </summary>
public static class SyntheticCluster
{
    public const int Namespaces = 50;

    /// <summary>Ingresses [0, count) with three pods each on made-up pod IPs (for builds and lookups in-process).</summary>
    public static ClusterState Create(int count) =>
        Create(0, count, i => [.. Enumerable.Range(1, 3).Select(p => $"10.{i / 250 % 250}.{i % 250}.{p}")], 8080);

    /// <summary>Ingresses [from, to), each Service's endpoints at the given addresses and port.</summary>
    public static ClusterState Create(int from, int to, Func<int, IReadOnlyList<string>> addresses, int port)
    {
        var ingresses = new List<Ingress>(to - from);
        var services = new List<Service>(to - from);
        var slices = new List<EndpointSlice>(to - from);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = from; i < to; i++)
        {
            var ns = Namespace(i);
            var name = "app-" + i;
            var backend = new IngressBackend { Service = new IngressServiceBackend { Name = name, Port = new ServiceBackendPort { Number = 80 } } };
            ingresses.Add(new Ingress
            {
                Metadata = new ObjectMeta { Namespace = ns, Name = name, CreationTimestamp = start.AddSeconds(i) },
                Spec = new IngressSpec
                {
                    IngressClassName = "aws-integrations",
                    Rules =
                    [
                        new IngressRule
                        {
                            Host = Host(i),
                            Http = new HttpIngressRuleValue
                            {
                                Paths =
                                [
                                    new HttpIngressPath { Path = "/", PathType = "Prefix", Backend = backend },
                                    new HttpIngressPath { Path = "/api/v" + (i % 3), PathType = "Prefix", Backend = backend },
                                    new HttpIngressPath { Path = "/health", PathType = "Exact", Backend = backend },
                                ],
                            },
                        },
                    ],
                },
            });
            services.Add(new Service { Metadata = new ObjectMeta { Namespace = ns, Name = name }, Spec = new ServiceSpec { Ports = [new ServicePort { Port = 80 }] } });
            slices.Add(new EndpointSlice
            {
                Metadata = new ObjectMeta { Namespace = ns, Name = name + "-x1", Labels = new() { [EndpointSlice.ServiceNameLabel] = name } },
                AddressType = "IPv4",
                Ports = [new EndpointPort { Port = port }],
                Endpoints = [.. addresses(i).Select(address => new Endpoint
                {
                    Addresses = [address],
                    Conditions = new EndpointConditions { Ready = true, Serving = true, Terminating = false },
                })],
            });
        }

        return new ClusterState(ingresses, services, slices);
    }

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
}
