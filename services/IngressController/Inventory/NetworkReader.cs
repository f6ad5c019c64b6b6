using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// Finds subnets (tagged kubernetes.io/cluster/&lt;id&gt; owned|shared and kubernetes.io/role/elb or role/internal-elb, one per
/// zone, lowest id first; or exactly --subnets) and the security group (--security-group, or the tagged one).
/// </summary>
public sealed class NetworkReader(IEc2Api ec2, IngressControllerOptions options)
{
    public async Task<NetworkView> ReadAsync(CancellationToken cancellationToken)
    {
        var cluster = $"kubernetes.io/cluster/{options.ClusterId}";
        IReadOnlyList<Ec2Subnet> subnets = options.Subnets.Count > 0
            ? await ec2.DescribeSubnetsAsync(subnetIds: options.Subnets, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await ec2.DescribeSubnetsAsync([Ec2Filter.Tag(cluster, "owned", "shared")], cancellationToken: cancellationToken).ConfigureAwait(false);
        var explicitSubnets = options.Subnets.Count > 0;
        var publicSubnets = PickPerZone(subnets.Where(s => explicitSubnets || s.Tags.ContainsKey("kubernetes.io/role/elb")));
        var internalSubnets = PickPerZone(subnets.Where(s => explicitSubnets || s.Tags.ContainsKey("kubernetes.io/role/internal-elb")));

        var securityGroup = options.SecurityGroup;
        if (string.IsNullOrEmpty(securityGroup))
        {
            var (key, value) = SplitTag(options.SecurityGroupTag);
            var groups = await ec2.DescribeSecurityGroupsAsync([Ec2Filter.Tag(cluster, "owned", "shared"), Ec2Filter.Tag(key, value)], cancellationToken: cancellationToken).ConfigureAwait(false);
            securityGroup = groups.Select(g => g.GroupId).Order(StringComparer.Ordinal).FirstOrDefault();
        }

        return new NetworkView(publicSubnets, internalSubnets, subnets.Select(s => s.VpcId).FirstOrDefault(), securityGroup);
    }

    /// <summary>One subnet per availability zone, the lowest id; null when fewer than two zones are covered (an ALB needs two).</summary>
    public static IReadOnlyList<string>? PickPerZone(IEnumerable<Ec2Subnet> subnets)
    {
        var picked = subnets.Where(s => s.State is "available" or "")
            .GroupBy(s => s.AvailabilityZone)
            .Select(g => g.Select(s => s.SubnetId).Order(StringComparer.Ordinal).First())
            .Order(StringComparer.Ordinal)
            .ToList();
        return picked.Count >= 2 ? picked : null;
    }

    private static (string Key, string Value) SplitTag(string tag)
    {
        var at = tag.IndexOf('=', StringComparison.Ordinal);
        return (tag[..at], tag[(at + 1)..]);
    }
}
