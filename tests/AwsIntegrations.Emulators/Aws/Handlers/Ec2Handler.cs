using System.Globalization;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// EC2 (EC2 Query, 2016-11-15), read-only: subnets, security groups, instances, VPCs and route tables, with ids,
/// filters, MaxResults/NextToken paging and EC2's NotFound errors.
/// </summary>
public static class Ec2Handler
{
    public static WireResponse Handle(AwsCall call, AwsState state)
    {
        lock (state.Gate)
        {
            var content = call.Operation switch
            {
                "DescribeSubnets" => Describe(call, state, "SubnetId", "InvalidSubnetID.NotFound", "subnetSet", state.Subnets, s => s.Id, s => s.Tags, SubnetField, s => Ec2Xml.Subnet(s, state)),
                "DescribeSecurityGroups" => Describe(call, state, "GroupId", "InvalidGroup.NotFound", "securityGroupInfo", state.SecurityGroups, g => g.Id, g => g.Tags, GroupField, g => Ec2Xml.SecurityGroup(g, state)),
                "DescribeVpcs" => Describe(call, state, "VpcId", "InvalidVpcID.NotFound", "vpcSet", state.Vpcs, v => v.Id, v => v.Tags, VpcField, v => Ec2Xml.Vpc(v, state)),
                "DescribeRouteTables" => Describe(call, state, "RouteTableId", "InvalidRouteTableID.NotFound", "routeTableSet", state.RouteTables, t => t.Id, t => t.Tags, RouteTableField, t => Ec2Xml.RouteTable(t, state)),
                "DescribeInstances" => Describe(call, state, "InstanceId", "InvalidInstanceID.NotFound", "reservationSet", state.Instances, i => i.Id, i => i.Tags, (i, name) => InstanceField(i, name, state.Region), i => Ec2Xml.Reservation(i, state)),
                _ => throw new AwsFault("InvalidAction", $"The action {call.Operation} is not valid for this web service."),
            };
            return QueryXml.Ec2Result(call.Operation, call.RequestId, content);
        }
    }

    private static object?[] Describe<T>(
        AwsCall call, AwsState state, string idName, string notFound, string setName, List<T> all,
        Func<T, string> id, Func<T, Dictionary<string, string>> tags, Func<T, string, IEnumerable<string>?> field, Func<T, object?[]> render)
    {
        var ids = call.List(idName);
        var max = call.Param("MaxResults") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : (int?)null;
        if (max is not null && ids.Count > 0)
        {
            throw new AwsFault("InvalidParameterCombination", $"The parameter {idName}s cannot be used with the parameter maxResults");
        }

        if (max is < 5 or > 1000)
        {
            throw new AwsFault("InvalidParameterValue", $"Value ( {max} ) for parameter maxResults is invalid. Expecting a value greater than 5.");
        }

        var missing = ids.Where(i => all.All(x => id(x) != i)).ToList();
        if (missing.Count > 0)
        {
            throw new AwsFault(notFound, $"The {idName} '{string.Join(", ", missing)}' does not exist");
        }

        var selected = Ec2Filters.Apply(ids.Count > 0 ? all.Where(x => ids.Contains(id(x))) : all, Ec2Filters.Parse(call), field, tags).ToList();
        var (page, next) = Paging.Page(selected, call.Param("NextToken"), max, state.DefaultPageSize ?? 1000, 1000);
        return [new XElement(setName, page.Select(x => new XElement("item", render(x)))), QueryXml.Opt("nextToken", next)];
    }

    private static IEnumerable<string>? SubnetField(Subnet s, string name) => name switch
    {
        "subnet-id" => [s.Id],
        "vpc-id" => [s.VpcId],
        "availability-zone" => [s.AvailabilityZone],
        "cidr-block" or "cidr" or "cidrBlock" => [s.CidrBlock],
        "state" => ["available"],
        "map-public-ip-on-launch" => [s.MapPublicIpOnLaunch ? "true" : "false"],
        _ => null,
    };

    private static IEnumerable<string>? GroupField(SecurityGroup g, string name) => name switch
    {
        "group-id" => [g.Id],
        "group-name" => [g.Name],
        "vpc-id" => [g.VpcId],
        "description" => [g.Description],
        _ => null,
    };

    private static IEnumerable<string>? VpcField(Vpc v, string name) => name switch
    {
        "vpc-id" => [v.Id],
        "cidr" or "cidr-block-association.cidr-block" => [v.CidrBlock],
        "state" => ["available"],
        "is-default" => [v.IsDefault ? "true" : "false"],
        _ => null,
    };

    private static IEnumerable<string>? RouteTableField(RouteTable t, string name) => name switch
    {
        "route-table-id" => [t.Id],
        "vpc-id" => [t.VpcId],
        "association.subnet-id" => t.SubnetIds,
        "association.main" => [t.Main ? "true" : "false"],
        "route.gateway-id" => t.Routes.Select(r => r.GatewayId),
        _ => null,
    };

    private static IEnumerable<string>? InstanceField(Instance i, string name, string region) => name switch
    {
        "instance-id" => [i.Id],
        "instance-state-name" => [i.State],
        "vpc-id" => [i.VpcId],
        "subnet-id" => [i.SubnetId],
        "availability-zone" => [i.AvailabilityZone],
        "private-ip-address" => [i.PrivateIpAddress],
        "instance-type" => [i.InstanceType],
        "instance.group-id" or "group-id" => i.SecurityGroupIds,
        "private-dns-name" => [i.PrivateDnsName(region)],
        _ => null,
    };
}
