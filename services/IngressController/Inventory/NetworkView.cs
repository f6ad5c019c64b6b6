namespace AwsIntegrations.IngressController.Inventory;

/// <summary>Subnets per scheme (one per zone), the VPC, and the discovered security group.</summary>
public sealed record NetworkView(IReadOnlyList<string> PublicSubnets, IReadOnlyList<string> InternalSubnets, string? VpcId, string? SecurityGroup)
{
    /// <summary>The subnets for a load balancer; null when too few zones are covered (an ALB needs two, an NLB one).</summary>
    public IReadOnlyList<string>? SubnetsFor(string scheme, string type = LoadBalancerTypes.Application)
    {
        var subnets = scheme == "internal" ? InternalSubnets : PublicSubnets;
        return subnets.Count >= (type == LoadBalancerTypes.Network ? 1 : 2) ? subnets : null;
    }
}
