using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>EC2 answer shapes: the model's lowerCamel locationNames, lists of &lt;item&gt;.</summary>
internal static class Ec2Xml
{
    public static object?[] Subnet(Subnet s, AwsState state) =>
    [
        new XElement("subnetId", s.Id),
        new XElement("subnetArn", $"arn:aws:ec2:{state.Region}:{state.AccountId}:subnet/{s.Id}"),
        new XElement("state", "available"),
        new XElement("ownerId", state.AccountId),
        new XElement("vpcId", s.VpcId),
        new XElement("cidrBlock", s.CidrBlock),
        new XElement("availableIpAddressCount", s.AvailableIpAddressCount),
        new XElement("availabilityZone", s.AvailabilityZone),
        new XElement("availabilityZoneId", "euc1-az" + (s.AvailabilityZone[^1] - 'a' + 1)),
        new XElement("mapPublicIpOnLaunch", QueryXml.Format(s.MapPublicIpOnLaunch)),
        Tags(s.Tags),
    ];

    public static object?[] SecurityGroup(SecurityGroup g, AwsState state) =>
    [
        new XElement("ownerId", state.AccountId),
        new XElement("groupId", g.Id),
        new XElement("groupName", g.Name),
        new XElement("groupDescription", g.Description),
        new XElement("vpcId", g.VpcId),
        new XElement("ipPermissions"),
        new XElement("ipPermissionsEgress",
            new XElement("item",
                new XElement("ipProtocol", "-1"),
                new XElement("groups"),
                new XElement("ipRanges", new XElement("item", new XElement("cidrIp", "0.0.0.0/0"))))),
        Tags(g.Tags),
    ];

    public static object?[] Vpc(Vpc v, AwsState state) =>
    [
        new XElement("vpcId", v.Id),
        new XElement("ownerId", state.AccountId),
        new XElement("state", "available"),
        new XElement("cidrBlock", v.CidrBlock),
        new XElement("isDefault", QueryXml.Format(v.IsDefault)),
        Tags(v.Tags),
    ];

    public static object?[] RouteTable(RouteTable t, AwsState state) =>
    [
        new XElement("routeTableId", t.Id),
        new XElement("vpcId", t.VpcId),
        new XElement("ownerId", state.AccountId),
        new XElement("routeSet", t.Routes.Select(r => new XElement("item",
            new XElement("destinationCidrBlock", r.Destination),
            new XElement("gatewayId", r.GatewayId),
            new XElement("state", "active"),
            new XElement("origin", r.GatewayId == "local" ? "CreateRouteTable" : "CreateRoute")))),
        new XElement("associationSet",
            t.Main ? new XElement("item", new XElement("routeTableAssociationId", "rtbassoc-" + t.Id[4..]), new XElement("routeTableId", t.Id), new XElement("main", "true")) : null,
            t.SubnetIds.Select(s => new XElement("item",
                new XElement("routeTableAssociationId", "rtbassoc-" + s[7..]),
                new XElement("routeTableId", t.Id),
                new XElement("subnetId", s),
                new XElement("main", "false")))),
        Tags(t.Tags),
    ];

    /// <summary>Each instance in its own reservation, as when launched one by one.</summary>
    public static object?[] Reservation(Instance i, AwsState state) =>
    [
        new XElement("reservationId", "r-" + i.Id[2..]),
        new XElement("ownerId", state.AccountId),
        new XElement("groupSet"),
        new XElement("instancesSet", new XElement("item",
            new XElement("instanceId", i.Id),
            new XElement("imageId", i.ImageId),
            new XElement("instanceState", new XElement("code", StateCode(i.State)), new XElement("name", i.State)),
            new XElement("privateDnsName", i.PrivateDnsName(state.Region)),
            new XElement("instanceType", i.InstanceType),
            new XElement("launchTime", QueryXml.Format(i.LaunchTime)),
            new XElement("placement", new XElement("availabilityZone", i.AvailabilityZone), new XElement("tenancy", "default")),
            new XElement("subnetId", i.SubnetId),
            new XElement("vpcId", i.VpcId),
            new XElement("privateIpAddress", i.PrivateIpAddress),
            new XElement("groupSet", i.SecurityGroupIds.Select(g => new XElement("item",
                new XElement("groupId", g),
                new XElement("groupName", state.SecurityGroups.FirstOrDefault(s => s.Id == g)?.Name ?? g)))),
            i.IamInstanceProfileArn is null ? null : new XElement("iamInstanceProfile",
                new XElement("arn", i.IamInstanceProfileArn),
                new XElement("id", "AIPA" + i.Id[2..].ToUpperInvariant())),
            Tags(i.Tags))),
    ];

    private static XElement? Tags(Dictionary<string, string> tags) =>
        tags.Count == 0 ? null : new XElement("tagSet", tags.Select(t => new XElement("item", new XElement("key", t.Key), new XElement("value", t.Value))));

    private static int StateCode(string state) => state switch
    {
        "pending" => 0,
        "running" => 16,
        "shutting-down" => 32,
        "terminated" => 48,
        "stopping" => 64,
        "stopped" => 80,
        _ => 16,
    };
}
