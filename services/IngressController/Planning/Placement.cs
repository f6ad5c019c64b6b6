using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>The packer's answer: which load balancer each Ingress is on, the load balancers needed, and problems to report.</summary>
public sealed record Placement(
    IReadOnlyDictionary<string, string> Assignments,
    IReadOnlyDictionary<string, DesiredAlb> Albs,
    IReadOnlyDictionary<string, IReadOnlyList<Problem>> Problems);
