using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// Finds the subnets of each scheme and the security group. Subnets: exactly --subnets; else those tagged
/// kubernetes.io/cluster/&lt;id&gt; (any value; in --vpc-id when given), else, with --vpc-id, every subnet of that VPC
/// (kube-ingress-aws-controller's fallback), one per zone by <see cref="SubnetPicker"/>. Route tables are read only when a
/// zone has no subnet tagged for internet-facing load balancers. The security group: --security-group, else the one tagged
/// with the cluster tag and --security-group-tag.
/// </summary>
public sealed class NetworkReader(IEc2Api ec2, IngressControllerOptions options)
{
    public async Task<NetworkView> ReadAsync(CancellationToken cancellationToken)
    {
        var network = options.Subnets.Count > 0
            ? await ReadGivenSubnetsAsync(cancellationToken).ConfigureAwait(false)
            : await DiscoverSubnetsAsync(cancellationToken).ConfigureAwait(false);
        var securityGroup = options.SecurityGroup;
        if (string.IsNullOrEmpty(securityGroup))
        {
            var (key, value) = SplitTag(options.SecurityGroupTag);
            var groups = await ec2.DescribeSecurityGroupsAsync([Ec2Filter.Tag(ClusterTag, "owned", "shared"), Ec2Filter.Tag(key, value), .. InVpc], cancellationToken: cancellationToken).ConfigureAwait(false);
            securityGroup = groups.Select(g => g.GroupId).Order(StringComparer.Ordinal).FirstOrDefault();
        }

        return network with { SecurityGroup = securityGroup };
    }

    private string ClusterTag => $"kubernetes.io/cluster/{options.ClusterId}";

    private Ec2Filter[] InVpc => string.IsNullOrEmpty(options.VpcId) ? [] : [Ec2Filter.Of("vpc-id", options.VpcId)];

    /// <summary>Exactly --subnets, for either scheme.</summary>
    private async Task<NetworkView> ReadGivenSubnetsAsync(CancellationToken cancellationToken)
    {
        var subnets = await ec2.DescribeSubnetsAsync(subnetIds: options.Subnets, cancellationToken: cancellationToken).ConfigureAwait(false);
        var all = SubnetPicker.PerZone(subnets, SubnetPicker.ElbRole, _ => true);
        return new NetworkView(all, all, VpcOf(subnets), null);
    }

    /// <summary>The cluster's tagged subnets (else, with --vpc-id, the VPC's), public ones by tag or by route to an internet gateway.</summary>
    private async Task<NetworkView> DiscoverSubnetsAsync(CancellationToken cancellationToken)
    {
        var inVpc = InVpc;
        var subnets = await ec2.DescribeSubnetsAsync([Ec2Filter.TagKey(ClusterTag), .. inVpc], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (subnets.Count == 0 && inVpc.Length > 0)
        {
            subnets = await ec2.DescribeSubnetsAsync(inVpc, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var vpc = VpcOf(subnets);
        subnets = [.. subnets.Where(s => s.VpcId == vpc)];
        IReadOnlySet<string> publicIds = new HashSet<string>();
        if (SubnetPicker.SomeZoneUntagged(subnets, SubnetPicker.ElbRole))
        {
            var tables = await ec2.DescribeRouteTablesAsync([Ec2Filter.Of("vpc-id", vpc!)], cancellationToken: cancellationToken).ConfigureAwait(false);
            publicIds = SubnetPicker.Public(subnets.Select(s => s.SubnetId), tables);
        }

        return new NetworkView(
            SubnetPicker.PerZone(subnets, SubnetPicker.ElbRole, s => s.Tags.ContainsKey(SubnetPicker.ElbRole) || publicIds.Contains(s.SubnetId)),
            SubnetPicker.PerZone(subnets, SubnetPicker.InternalElbRole, _ => true),
            vpc,
            null);
    }

    private string? VpcOf(IReadOnlyList<Ec2Subnet> subnets) =>
        string.IsNullOrEmpty(options.VpcId) ? subnets.Select(s => s.VpcId).Order(StringComparer.Ordinal).FirstOrDefault() : options.VpcId;

    private static (string Key, string Value) SplitTag(string tag)
    {
        var at = tag.IndexOf('=', StringComparison.Ordinal);
        return (tag[..at], tag[(at + 1)..]);
    }
}
