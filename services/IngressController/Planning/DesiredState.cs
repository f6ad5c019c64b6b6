namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// The load balancers our Ingresses need (with subnets and security group resolved), which one each Ingress is placed on,
/// what each Ingress brings to its placement (its certificates), the problems found, and the certificate figures.
/// </summary>
public sealed record DesiredState(
    IReadOnlyDictionary<string, DesiredAlb> Albs,
    IReadOnlyDictionary<string, string> Assignments,
    IReadOnlyList<PlacementRequest> Requests,
    IngressProblems Problems)
{
    public int HostsWithoutCertificate { get; init; }

    public int HostsOnExpiringCertificate { get; init; }
}
