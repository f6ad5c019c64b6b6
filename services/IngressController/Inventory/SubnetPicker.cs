using AwsIntegrations.Aws;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// One subnet per availability zone for a load balancer, as kube-ingress-aws-controller picks them (aws/adapter.go
/// FindLBSubnets, aws/ec2.go): a subnet tagged with the scheme's role (kubernetes.io/role/elb or …/internal-elb) first, else
/// any other the scheme may use (internet-facing: only public ones, those whose route table has an internet gateway), the
/// lowest id among equals.
/// </summary>
public static class SubnetPicker
{
    public const string ElbRole = "kubernetes.io/role/elb";
    public const string InternalElbRole = "kubernetes.io/role/internal-elb";

    /// <summary>The subnet ids, one per zone, sorted; zones with no usable subnet are left out.</summary>
    public static IReadOnlyList<string> PerZone(IEnumerable<Ec2Subnet> subnets, string roleTag, Func<Ec2Subnet, bool> usable)
    {
        ArgumentNullException.ThrowIfNull(subnets);
        ArgumentNullException.ThrowIfNull(usable);
        return subnets.Where(s => s.State is "available" or "" && usable(s))
            .GroupBy(s => s.AvailabilityZone)
            .Select(zone => zone.OrderBy(s => s.Tags.ContainsKey(roleTag) ? 0 : 1).ThenBy(s => s.SubnetId, StringComparer.Ordinal).First().SubnetId)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Whether some zone has no subnet with the role tag (then public subnets must be told apart by their routes).</summary>
    public static bool SomeZoneUntagged(IEnumerable<Ec2Subnet> subnets, string roleTag) =>
        subnets.GroupBy(s => s.AvailabilityZone).Any(zone => !zone.Any(s => s.Tags.ContainsKey(roleTag)));

    /// <summary>
    /// The subnets whose route table (their own, else the VPC's main one) routes to an internet gateway (igw-…), as
    /// kube-ingress-aws-controller's isSubnetPublic decides it.
    /// </summary>
    public static IReadOnlySet<string> Public(IEnumerable<string> subnetIds, IReadOnlyList<Ec2RouteTable> routeTables)
    {
        ArgumentNullException.ThrowIfNull(subnetIds);
        ArgumentNullException.ThrowIfNull(routeTables);
        var main = routeTables.FirstOrDefault(t => t.Associations.Any(a => a.Main));
        return subnetIds.Where(id =>
            {
                var table = routeTables.FirstOrDefault(t => t.Associations.Any(a => a.SubnetId == id)) ?? main;
                return table?.Routes.Any(r => r.GatewayId?.StartsWith("igw", StringComparison.Ordinal) == true) == true;
            })
            .ToHashSet(StringComparer.Ordinal);
    }
}
