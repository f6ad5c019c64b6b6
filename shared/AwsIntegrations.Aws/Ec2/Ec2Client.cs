using System.Xml.Linq;

namespace AwsIntegrations.Aws;

/// <summary>
/// Our EC2 client (EC2 Query, API version 2016-11-15): lists serialize as <c>Name.N</c> (the model's capitalized
/// locationName: Filter.1.Name, Filter.1.Value.1, SubnetId.1); answers use lowerCamel names and &lt;item&gt; lists.
/// </summary>
internal sealed class Ec2Client(AwsTransport transport) : IEc2Api
{
    public const string Version = "2016-11-15";

    /// <summary>MaxResults sent when no ids are given (EC2 refuses both together); null lets EC2 return everything.</summary>
    public int? PageSize { get; init; }

    public Task<IReadOnlyList<Ec2Subnet>> DescribeSubnetsAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? subnetIds = null, CancellationToken cancellationToken = default) =>
        PagesAsync("DescribeSubnets", filters, "SubnetId", subnetIds, r => r.List("subnetSet", "item").Select(s => new Ec2Subnet(
            s.RequiredText("subnetId"),
            s.Text("vpcId") ?? string.Empty,
            s.Text("cidrBlock") ?? string.Empty,
            s.Text("availabilityZone") ?? string.Empty,
            s.Int("availableIpAddressCount") ?? 0,
            s.Bool("mapPublicIpOnLaunch") ?? false,
            s.Text("state") ?? string.Empty,
            Tags(s))), cancellationToken);

    public Task<IReadOnlyList<Ec2SecurityGroup>> DescribeSecurityGroupsAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? groupIds = null, CancellationToken cancellationToken = default) =>
        PagesAsync("DescribeSecurityGroups", filters, "GroupId", groupIds, r => r.List("securityGroupInfo", "item").Select(g => new Ec2SecurityGroup(
            g.RequiredText("groupId"),
            g.Text("groupName") ?? string.Empty,
            g.Text("groupDescription"),
            g.Text("vpcId"),
            Tags(g))), cancellationToken);

    public Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? instanceIds = null, CancellationToken cancellationToken = default) =>
        PagesAsync("DescribeInstances", filters, "InstanceId", instanceIds, r => r.List("reservationSet", "item")
            .SelectMany(reservation => reservation.List("instancesSet", "item"))
            .Select(i => new Ec2Instance(
                i.RequiredText("instanceId"),
                i.Child("instanceState")?.Text("name") ?? string.Empty,
                i.Text("instanceType"),
                i.Text("imageId"),
                i.Text("privateIpAddress"),
                i.Text("privateDnsName"),
                i.Text("subnetId"),
                i.Text("vpcId"),
                i.Child("placement")?.Text("availabilityZone"),
                i.Time("launchTime"),
                i.List("groupSet", "item").Select(g => g.RequiredText("groupId")).ToList(),
                i.Child("iamInstanceProfile")?.Text("arn"),
                Tags(i))), cancellationToken);

    public Task<IReadOnlyList<Ec2Vpc>> DescribeVpcsAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? vpcIds = null, CancellationToken cancellationToken = default) =>
        PagesAsync("DescribeVpcs", filters, "VpcId", vpcIds, r => r.List("vpcSet", "item").Select(v => new Ec2Vpc(
            v.RequiredText("vpcId"),
            v.Text("cidrBlock") ?? string.Empty,
            v.Text("state") ?? string.Empty,
            v.Bool("isDefault") ?? false,
            Tags(v))), cancellationToken);

    public Task<IReadOnlyList<Ec2RouteTable>> DescribeRouteTablesAsync(IReadOnlyList<Ec2Filter>? filters = null, IReadOnlyList<string>? routeTableIds = null, CancellationToken cancellationToken = default) =>
        PagesAsync("DescribeRouteTables", filters, "RouteTableId", routeTableIds, r => r.List("routeTableSet", "item").Select(t => new Ec2RouteTable(
            t.RequiredText("routeTableId"),
            t.Text("vpcId") ?? string.Empty,
            t.List("associationSet", "item").Select(a => new Ec2RouteTableAssociation(a.Text("subnetId"), a.Bool("main") ?? false)).ToList(),
            t.List("routeSet", "item").Select(x => new Ec2Route(x.Text("destinationCidrBlock"), x.Text("gatewayId"), x.Text("state"))).ToList(),
            Tags(t))), cancellationToken);

    private static Dictionary<string, string> Tags(XElement e) =>
        e.List("tagSet", "item").ToDictionary(t => t.RequiredText("key"), t => t.Text("value") ?? string.Empty, StringComparer.Ordinal);

    private async Task<IReadOnlyList<T>> PagesAsync<T>(string action, IReadOnlyList<Ec2Filter>? filters, string idName, IReadOnlyList<string>? ids, Func<XElement, IEnumerable<T>> read, CancellationToken cancellationToken)
    {
        var results = new List<T>();
        string? token = null;
        do
        {
            var form = new QueryForm(action, Version)
                .AddList("Filter", filters, (f, p, filter) => f.Add(p + "Name", filter.Name).AddList(p + "Value", filter.Values))
                .AddList(idName, ids)
                .Add("MaxResults", ids is { Count: > 0 } ? null : PageSize)
                .Add("NextToken", token);
            var response = await transport.SendAsync(AwsService.Ec2, action, AwsProtocol.Ec2, form.ToRequest(), cancellationToken).ConfigureAwait(false);
            var root = Xml.Parse(response.Body, action);
            results.AddRange(read(root));
            token = root.Text("nextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return results;
    }
}
