using AwsIntegrations.Kubernetes.Models;
using Router.Routing;

namespace Router.Benchmarks;

/// <summary>
/// N Ingresses as a busy cluster has them: each its own host with three paths (/, /api Prefix, /health Exact), a Service and
/// an EndpointSlice of three pods; every tenth one is a wildcard host.
/// </summary>
public static class SyntheticCluster
{
    public static ClusterState Create(int count)
    {
        var ingresses = new List<Ingress>(count);
        var services = new List<Service>(count);
        var slices = new List<EndpointSlice>(count);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var ns = "team-" + (i % 50);
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
                Ports = [new EndpointPort { Port = 8080 }],
                Endpoints = [.. Enumerable.Range(1, 3).Select(p => new Endpoint
                {
                    Addresses = [$"10.{i / 250 % 250}.{i % 250}.{p}"],
                    Conditions = new EndpointConditions { Ready = true, Serving = true, Terminating = false },
                })],
            });
        }

        return new ClusterState(ingresses, services, slices);
    }

    public static string Host(int i) => i % 10 == 9 ? $"*.tenant-{i}.example.com" : $"app-{i}.example.com";

    /// <summary>A Host header that reaches Ingress i.</summary>
    public static string RequestHost(int i) => i % 10 == 9 ? $"shop.tenant-{i}.example.com" : $"app-{i}.example.com";
}
