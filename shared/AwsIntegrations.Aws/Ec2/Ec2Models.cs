namespace AwsIntegrations.Aws;

// EC2 shapes as the suite uses them (names follow the botocore model, ec2 2016-11-15).

/// <summary>An EC2 filter: <c>vpc-id</c>, <c>tag:Name</c>, <c>tag-key</c>, … with values (wildcards * and ? allowed).</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public static Ec2Filter Tag(string key, params string[] values) => new($"tag:{key}", values);

    public static Ec2Filter TagKey(string key) => new("tag-key", [key]);

    public static Ec2Filter Of(string name, params string[] values) => new(name, values);
}

public sealed record Ec2Subnet(string SubnetId, string VpcId, string CidrBlock, string AvailabilityZone, int AvailableIpAddressCount, bool MapPublicIpOnLaunch, string State, IReadOnlyDictionary<string, string> Tags);

public sealed record Ec2SecurityGroup(string GroupId, string GroupName, string? Description, string? VpcId, IReadOnlyDictionary<string, string> Tags);

public sealed record Ec2Instance(
    string InstanceId,
    string State,
    string? InstanceType,
    string? ImageId,
    string? PrivateIpAddress,
    string? PrivateDnsName,
    string? SubnetId,
    string? VpcId,
    string? AvailabilityZone,
    DateTimeOffset? LaunchTime,
    IReadOnlyList<string> SecurityGroupIds,
    string? IamInstanceProfileArn,
    IReadOnlyDictionary<string, string> Tags);

public sealed record Ec2Vpc(string VpcId, string CidrBlock, string State, bool IsDefault, IReadOnlyDictionary<string, string> Tags);

public sealed record Ec2RouteTable(string RouteTableId, string VpcId, IReadOnlyList<Ec2RouteTableAssociation> Associations, IReadOnlyList<Ec2Route> Routes, IReadOnlyDictionary<string, string> Tags);

public sealed record Ec2RouteTableAssociation(string? SubnetId, bool Main);

public sealed record Ec2Route(string? DestinationCidrBlock, string? GatewayId, string? State);
