namespace AwsIntegrations.Aws;

/// <summary>The EC2 operations the suite uses (all read-only). Every page is returned.</summary>
public interface IEc2Api
{
    Task<IReadOnlyList<Ec2Subnet>> DescribeSubnetsAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? subnetIds = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Ec2SecurityGroup>> DescribeSecurityGroupsAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? groupIds = null, CancellationToken cancellationToken = default);

    /// <summary>Instances of every reservation, flattened.</summary>
    Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? instanceIds = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Ec2Vpc>> DescribeVpcsAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? vpcIds = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Ec2RouteTable>> DescribeRouteTablesAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? routeTableIds = null, CancellationToken cancellationToken = default);
}
