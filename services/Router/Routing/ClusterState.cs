using AwsIntegrations.Kubernetes.Models;

namespace Router.Routing;

/// <summary>What a route table is built from: the informers' caches at one moment.</summary>
public sealed record ClusterState(IReadOnlyList<Ingress> Ingresses, IReadOnlyList<Service> Services, IReadOnlyList<EndpointSlice> EndpointSlices);
