using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Ingresses;

/// <summary>
/// An Ingress of our class, read: its hosts, what its load balancer must look like, and what is wrong with it.
/// <see cref="ClusterLocalOnly"/>: every host it names is in --cluster-local-domain, so it gets no load balancer.
/// </summary>
public sealed record IngressModel(
    string Key,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string>? ExplicitCertificates,
    GroupKey Group,
    bool HttpsOnly,
    IReadOnlyList<string> StatusHostnames,
    IReadOnlyList<Problem> Problems)
{
    public bool ClusterLocalOnly { get; init; }
}
