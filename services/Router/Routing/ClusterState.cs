using k8s;
using k8s.Models;

namespace Router.Routing;

/// <summary>What a route table is built from: the informers' caches at one moment.</summary>
public sealed record ClusterState(IReadOnlyList<V1Ingress> Ingresses, IReadOnlyList<V1Service> Services, IReadOnlyList<V1EndpointSlice> EndpointSlices);
