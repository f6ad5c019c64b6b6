using k8s;
using k8s.Models;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// What a route table is built from: the informers' caches at one moment. The IngressClasses decide, with --ingress-class,
/// which Ingresses are ours (none given: the class names alone decide).
/// </summary>
public sealed record ClusterState(
    IReadOnlyList<V1Ingress> Ingresses,
    IReadOnlyList<V1Service> Services,
    IReadOnlyList<V1EndpointSlice> EndpointSlices,
    IReadOnlyList<V1IngressClass>? IngressClasses = null);
