using AwsIntegrations.IngressController.Ingresses;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>A load balancer the Ingresses need: its group, slot, and the certificates of the Ingresses placed on it.</summary>
public sealed record DesiredAlb(string Name, GroupKey Group, int Slot, IReadOnlySet<string> Certificates, IReadOnlyList<string> Ingresses)
{
    /// <summary>Subnets to create it in; null when none were found (then it is not created).</summary>
    public IReadOnlyList<string>? Subnets { get; init; }

    /// <summary>Its security group; null when none was found (then it is not created).</summary>
    public string? SecurityGroup { get; init; }
}
