namespace AwsIntegrations.IngressController.Inventory;

/// <summary>Subnets per scheme (one per zone; null when too few were found), the VPC, and the discovered security group.</summary>
public sealed record NetworkView(IReadOnlyList<string>? PublicSubnets, IReadOnlyList<string>? InternalSubnets, string? VpcId, string? SecurityGroup)
{
    public IReadOnlyList<string>? SubnetsFor(string scheme) => scheme == "internal" ? InternalSubnets : PublicSubnets;
}
