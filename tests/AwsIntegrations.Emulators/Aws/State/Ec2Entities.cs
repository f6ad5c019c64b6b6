namespace AwsIntegrations.Emulators.Aws;

// The EC2 side of the emulated account: small mutable records guarded by AwsState.Gate.

public sealed class Vpc
{
    public required string Id { get; init; }
    public string CidrBlock { get; init; } = "10.0.0.0/16";
    public bool IsDefault { get; init; }
    public Dictionary<string, string> Tags { get; init; } = [];
}

public sealed class Subnet
{
    public required string Id { get; init; }
    public required string VpcId { get; init; }
    public required string CidrBlock { get; init; }
    public required string AvailabilityZone { get; init; }
    public bool MapPublicIpOnLaunch { get; init; }
    public int AvailableIpAddressCount { get; init; } = 250;
    public Dictionary<string, string> Tags { get; init; } = [];
}

public sealed class SecurityGroup
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "managed by the emulator";
    public required string VpcId { get; init; }
    public Dictionary<string, string> Tags { get; init; } = [];
}

public sealed class Instance
{
    public required string Id { get; init; }
    public required string SubnetId { get; init; }
    public required string VpcId { get; init; }
    public required string AvailabilityZone { get; init; }
    public required string PrivateIpAddress { get; init; }
    public string InstanceType { get; init; } = "m5.large";
    public string ImageId { get; init; } = "ami-0a1b2c3d4e5f60001";
    public string State { get; set; } = "running";
    public List<string> SecurityGroupIds { get; init; } = [];
    public string? IamInstanceProfileArn { get; init; }
    public string? UserData { get; init; }
    public DateTimeOffset LaunchTime { get; init; }
    public Dictionary<string, string> Tags { get; init; } = [];

    public string PrivateDnsName(string region) =>
        $"ip-{PrivateIpAddress.Replace('.', '-')}.{(region == "us-east-1" ? "ec2.internal" : region + ".compute.internal")}";
}

public sealed class RouteTable
{
    public required string Id { get; init; }
    public required string VpcId { get; init; }
    public bool Main { get; init; }
    public List<string> SubnetIds { get; init; } = [];
    public List<(string Destination, string GatewayId)> Routes { get; init; } = [];
    public Dictionary<string, string> Tags { get; init; } = [];
}
