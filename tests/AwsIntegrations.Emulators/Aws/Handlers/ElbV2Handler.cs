using System.Globalization;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Elastic Load Balancing v2 (Query, 2015-12-01): load balancers with the DNS names and canonical hosted zone ids AWS
/// gives, attributes, security groups and subnets; target groups, listeners and tags live in sibling classes.
/// </summary>
public static class ElbV2Handler
{
    private static readonly Dictionary<string, string> DefaultAlbAttributes = new(StringComparer.Ordinal)
    {
        ["deletion_protection.enabled"] = "false",
        ["idle_timeout.timeout_seconds"] = "60",
        ["routing.http2.enabled"] = "true",
        ["access_logs.s3.enabled"] = "false",
        ["access_logs.s3.bucket"] = string.Empty,
        ["access_logs.s3.prefix"] = string.Empty,
        ["routing.http.drop_invalid_header_fields.enabled"] = "false",
    };

    private static readonly Dictionary<string, string> DefaultNlbAttributes = new(StringComparer.Ordinal)
    {
        ["deletion_protection.enabled"] = "false",
        ["load_balancing.cross_zone.enabled"] = "false",
        ["dns_record.client_routing_policy"] = "any_availability_zone",
        ["access_logs.s3.enabled"] = "false",
        ["access_logs.s3.bucket"] = string.Empty,
        ["access_logs.s3.prefix"] = string.Empty,
    };

    /// <summary>Attribute values AWS checks (Network Load Balancer guide, "Load balancer attributes").</summary>
    private static readonly Dictionary<string, string[]> AllowedAttributeValues = new(StringComparer.Ordinal)
    {
        ["dns_record.client_routing_policy"] = ["availability_zone_affinity", "partial_availability_zone_affinity", "any_availability_zone"],
        ["load_balancing.cross_zone.enabled"] = ["true", "false"],
        ["deletion_protection.enabled"] = ["true", "false"],
        ["routing.http2.enabled"] = ["true", "false"],
    };

    public static WireResponse Handle(AwsCall call, AwsState state)
    {
        lock (state.Gate)
        {
            var content = call.Operation switch
            {
                "DescribeLoadBalancers" => DescribeLoadBalancers(call, state),
                "CreateLoadBalancer" => CreateLoadBalancer(call, state),
                "DeleteLoadBalancer" => DeleteLoadBalancer(call, state),
                "DescribeLoadBalancerAttributes" => [Attributes(Find(call, state).Attributes)],
                "ModifyLoadBalancerAttributes" => ModifyAttributes(call, state),
                "SetSecurityGroups" => SetSecurityGroups(call, state),
                "SetSubnets" => SetSubnets(call, state),
                _ => ElbV2TargetGroups.Handle(call, state) ?? ElbV2TargetGroupAttributes.Handle(call, state) ?? ElbV2Listeners.Handle(call, state) ?? ElbV2Tags.Handle(call, state)
                    ?? throw new AwsFault("InvalidAction", $"Could not find operation {call.Operation} for version 2015-12-01"),
            };
            return QueryXml.Result(call.Service, call.Operation, call.RequestId, content);
        }
    }

    public static LoadBalancer Find(AwsCall call, AwsState state)
    {
        var arn = call.RequiredParam("LoadBalancerArn");
        return state.LoadBalancers.FirstOrDefault(l => l.Arn == arn) ?? throw NotFound(arn);
    }

    public static AwsFault NotFound(string arn) => new("LoadBalancerNotFound", $"Load balancers '[{arn}]' not found");

    public static int? PageSize(AwsCall call) =>
        call.Param("PageSize") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;

    private static object?[] DescribeLoadBalancers(AwsCall call, AwsState state)
    {
        var arns = call.List("LoadBalancerArns.member");
        var names = call.List("Names.member");
        if (arns.Count > 0 && names.Count > 0)
        {
            throw new AwsFault("ValidationError", "Load balancer names and load balancer ARNs cannot be specified at the same time");
        }

        // Eventual consistency: a load balancer just created is not described yet (AwsBehavior.LoadBalancerVisibility).
        var now = state.Time.GetUtcNow();
        var visible = state.LoadBalancers.Where(l => now >= l.VisibleAt).ToList();
        IEnumerable<LoadBalancer> selected = visible;
        if (arns.Count > 0)
        {
            if (arns.Count > 20)
            {
                throw new AwsFault("ValidationError", "1 validation error detected: Value at 'loadBalancerArns' failed to satisfy constraint: Member must have length less than or equal to 20");
            }

            var missing = arns.Where(a => visible.All(l => l.Arn != a)).ToList();
            selected = missing.Count == 0 ? arns.Select(a => visible.First(l => l.Arn == a)) : throw NotFound(string.Join(", ", missing));
        }
        else if (names.Count > 0)
        {
            var missing = names.Where(n => visible.All(l => l.Name != n)).ToList();
            selected = missing.Count == 0 ? names.Select(n => visible.First(l => l.Name == n)) : throw new AwsFault("LoadBalancerNotFound", $"Load balancers '[{string.Join(", ", missing)}]' not found");
        }

        var (page, next) = Paging.Page(selected.ToList(), call.Param("Marker"), PageSize(call), state.DefaultPageSize ?? 400, 400);
        return [QueryXml.List("LoadBalancers", "member", page, lb => ElbV2Xml.LoadBalancer(lb, state).Nodes()), QueryXml.Opt("NextMarker", next)];
    }

    private static object?[] CreateLoadBalancer(AwsCall call, AwsState state)
    {
        var name = call.RequiredParam("Name");
        ElbV2Naming.ValidateName(name, "Load balancer");
        var type = call.Param("Type") ?? "application";
        var scheme = call.Param("Scheme") ?? "internet-facing";
        if (type is not ("application" or "network") || scheme is not ("internet-facing" or "internal"))
        {
            throw new AwsFault("ValidationError", $"type '{type}' or scheme '{scheme}' is not valid");
        }

        var subnets = ValidSubnets(call.List("Subnets.member"), type, state);
        var securityGroups = ValidSecurityGroups(call.List("SecurityGroups.member"), state);
        var existing = state.LoadBalancers.FirstOrDefault(l => l.Name == name);
        if (existing is not null)
        {
            // CreateLoadBalancer is idempotent for the same settings.
            return existing.SubnetIds.Order().SequenceEqual(subnets.Select(s => s.Id).Order()) && existing.Type == type
                ? [QueryXml.List("LoadBalancers", "member", [existing], lb => ElbV2Xml.LoadBalancer(lb, state).Nodes())]
                : throw new AwsFault("DuplicateLoadBalancerName", "A load balancer with the same name exists, but with different settings");
        }

        var unique = state.NewHex(16);
        var lb = new LoadBalancer
        {
            Arn = $"arn:aws:elasticloadbalancing:{state.Region}:{state.AccountId}:loadbalancer/{(type == "network" ? "net" : "app")}/{name}/{unique}",
            Name = name, Type = type, Scheme = scheme,
            DnsName = ElbV2Naming.DnsName(name, type, scheme, state.Region, unique),
            CanonicalHostedZoneId = ElbV2Naming.CanonicalHostedZoneId(state.Region, type),
            VpcId = subnets[0].VpcId,
            SubnetIds = subnets.Select(s => s.Id).ToList(),
            SecurityGroups = type == "application" && securityGroups.Count == 0
                ? state.SecurityGroups.Where(g => g.VpcId == subnets[0].VpcId).Select(g => g.Id).Take(1).ToList()
                : securityGroups,
            IpAddressType = call.Param("IpAddressType") ?? "ipv4",
            State = "active",
            CreatedTime = state.Time.GetUtcNow(),
            ActiveAt = state.Time.GetUtcNow() + state.Behavior.LoadBalancerProvisioning,
            VisibleAt = state.Time.GetUtcNow() + state.Behavior.LoadBalancerVisibility,
            Attributes = new Dictionary<string, string>(type == "network" ? DefaultNlbAttributes : DefaultAlbAttributes, StringComparer.Ordinal),
        };
        state.LoadBalancers.Add(lb);
        state.ElbTags[lb.Arn] = ElbV2Tags.TagsOf(call, "Tags.member");
        return [QueryXml.List("LoadBalancers", "member", [lb], l => ElbV2Xml.LoadBalancer(l, state).Nodes())];
    }

    private static object?[] DeleteLoadBalancer(AwsCall call, AwsState state)
    {
        var arn = call.RequiredParam("LoadBalancerArn");
        var lb = state.LoadBalancers.FirstOrDefault(l => l.Arn == arn);
        if (lb is null)
        {
            return []; // deleting a load balancer that does not exist succeeds
        }

        if (lb.Attributes.GetValueOrDefault("deletion_protection.enabled") == "true")
        {
            throw new AwsFault("OperationNotPermitted", $"Load balancer '{arn}' cannot be deleted because deletion protection is enabled");
        }

        state.LoadBalancers.Remove(lb);
        state.Listeners.RemoveAll(l => l.LoadBalancerArn == arn);
        state.ElbTags.Remove(arn);
        state.WebAclAssociations.Remove(arn);
        return [];
    }

    private static object?[] ModifyAttributes(AwsCall call, AwsState state)
    {
        var lb = Find(call, state);
        var changes = call.Items("Attributes.member").Select(p => (Key: call.RequiredParam(p + "Key"), Value: call.Param(p + "Value") ?? string.Empty)).ToList();
        foreach (var (key, _) in changes.Where(c => !lb.Attributes.ContainsKey(c.Key)))
        {
            throw new AwsFault("InvalidConfigurationRequest", $"Key {key} not valid");
        }

        foreach (var (key, value) in changes.Where(c => AllowedAttributeValues.TryGetValue(c.Key, out var allowed) && !allowed.Contains(c.Value)))
        {
            throw new AwsFault("InvalidConfigurationRequest", $"Value {value} for {key} is not valid");
        }

        foreach (var (key, value) in changes)
        {
            lb.Attributes[key] = value;
        }

        return [Attributes(lb.Attributes)];
    }

    private static object?[] SetSecurityGroups(AwsCall call, AwsState state)
    {
        var lb = Find(call, state);
        lb.SecurityGroups = ValidSecurityGroups(call.List("SecurityGroups.member"), state);
        return [QueryXml.List("SecurityGroupIds", "member", lb.SecurityGroups, g => g)];
    }

    private static object?[] SetSubnets(AwsCall call, AwsState state)
    {
        var lb = Find(call, state);
        lb.SubnetIds = ValidSubnets(call.List("Subnets.member"), lb.Type, state).Select(s => s.Id).ToList();
        return [ElbV2Xml.Zones(lb, state)];
    }

    private static XElement Attributes(Dictionary<string, string> attributes) =>
        QueryXml.List("Attributes", "member", attributes.OrderBy(a => a.Key, StringComparer.Ordinal), a => new object[] { new XElement("Key", a.Key), new XElement("Value", a.Value) });

    private static List<Subnet> ValidSubnets(List<string> ids, string type, AwsState state)
    {
        var subnets = ids.Select(id => state.Subnets.FirstOrDefault(s => s.Id == id) ?? throw new AwsFault("SubnetNotFound", $"The subnet ID '{id}' is not valid")).ToList();
        if (subnets.Count == 0)
        {
            throw new AwsFault("ValidationError", "At least one subnet must be specified");
        }

        if (type == "application" && subnets.Select(s => s.AvailabilityZone).Distinct().Count() < 2)
        {
            throw new AwsFault("InvalidConfigurationRequest", "At least two subnets in two different Availability Zones must be specified");
        }

        if (subnets.Select(s => s.VpcId).Distinct().Count() > 1)
        {
            throw new AwsFault("InvalidConfigurationRequest", "All subnets must belong to the same VPC");
        }

        return subnets;
    }

    private static List<string> ValidSecurityGroups(List<string> ids, AwsState state)
    {
        foreach (var id in ids.Where(id => state.SecurityGroups.All(g => g.Id != id)))
        {
            throw new AwsFault("InvalidSecurityGroup", $"Security group '{id}' does not exist");
        }

        return ids;
    }
}
