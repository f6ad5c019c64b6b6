using AwsIntegrations.IngressController.Ingresses;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>An Ingress to place: its group, the certificates it brings, and the load balancer it is on now (if any).</summary>
public sealed record PlacementRequest(string IngressKey, GroupKey Group, IReadOnlySet<string> Certificates, string? CurrentAlb);
