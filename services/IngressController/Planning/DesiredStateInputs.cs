using AwsIntegrations.IngressController.Certificates;
using AwsIntegrations.IngressController.Inventory;
using k8s.Models;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// What one pass knows when it builds the desired state: our Ingresses by "namespace/name", the load balancers and network
/// as last read, the usable certificates, the certificates AWS refused since the last full read (ARN → why), and which load
/// balancer each Ingress was placed on by the previous pass.
/// </summary>
public sealed record DesiredStateInputs(
    IReadOnlyDictionary<string, V1Ingress> Ingresses,
    AwsInventory Inventory,
    NetworkView Network,
    IReadOnlyList<CertificateInfo> Certificates,
    DateTimeOffset Now)
{
    public IReadOnlyDictionary<string, string> RefusedCertificates { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> PreviousAssignments { get; init; } = new Dictionary<string, string>();
}
