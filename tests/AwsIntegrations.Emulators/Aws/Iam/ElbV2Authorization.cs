namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// What AWS authorizes for each ELBv2 operation (Service Authorization Reference, "Actions, resources, and condition keys
/// for AWS Elastic Load Balancing V2"): Describe* only on "*"; creates on the ARN of the resource being made (its id not
/// yet known: "*") with aws:RequestTag/aws:TagKeys; a create that carries tags is also elasticloadbalancing:AddTags on the
/// new resource with elasticloadbalancing:CreateAction naming the create ("ELB API permissions to tag resources during
/// creation"); CreateListener on its load balancer; every other operation on the load balancer, target group or listener
/// it names, whose tags are aws:ResourceTag/key and elasticloadbalancing:ResourceTag/key.
/// </summary>
public static class ElbV2Authorization
{
    private const string Prefix = "elasticloadbalancing";

    public static IEnumerable<AuthorizationRequest> Requests(AwsCall call, AwsState state)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(state);
        var action = $"{Prefix}:{call.Operation}";
        var arn = $"arn:aws:elasticloadbalancing:{state.Region}:{state.AccountId}";
        switch (call.Operation)
        {
            case var describe when describe.StartsWith("Describe", StringComparison.Ordinal):
                return [new(action, "*", ContextKeys.Of())];
            case "CreateLoadBalancer":
                var name = call.Param("Name") ?? string.Empty;
                var loadBalancer = state.LoadBalancers.FirstOrDefault(l => l.Name == name)?.Arn
                    ?? $"{arn}:loadbalancer/{(call.Param("Type") == "network" ? "net" : "app")}/{name}/*";
                return Create(call, action, loadBalancer, loadBalancer, ContextKeys.Of());
            case "CreateTargetGroup":
                var group = call.Param("Name") ?? string.Empty;
                var targetGroup = state.TargetGroups.FirstOrDefault(t => t.Name == group)?.Arn ?? $"{arn}:targetgroup/{group}/*";
                return Create(call, action, targetGroup, targetGroup, ContextKeys.Of());
            case "CreateListener":
                var parent = call.Param("LoadBalancerArn") ?? string.Empty;
                return Create(call, action, parent, parent.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/*",
                    ContextKeys.Of().WithResourceTags(state.ElbTags.GetValueOrDefault(parent), Prefix));
            case "AddTags" or "RemoveTags":
                var tags = Tags(call);
                var keys = call.Operation == "AddTags" ? tags.Keys.ToList() : call.List("TagKeys.member");
                return call.List("ResourceArns.member").Select(resource => new AuthorizationRequest(action, resource,
                    (call.Operation == "AddTags" ? OnResource(resource, state).WithRequestTags(tags) : OnResource(resource, state)).With("aws:TagKeys", keys)));
            default:
                var named = call.Param("LoadBalancerArn") ?? call.Param("TargetGroupArn") ?? call.Param("ListenerArn") ?? "*";
                return [new(action, named, OnResource(named, state))];
        }
    }

    /// <summary>The dependent action AWS WAF checks on a load balancer when a web ACL is associated or removed.</summary>
    public static AuthorizationRequest SetWebAcl(string loadBalancerArn, AwsState state) =>
        new($"{Prefix}:SetWebAcl", loadBalancerArn, OnResource(loadBalancerArn, state));

    private static IEnumerable<AuthorizationRequest> Create(AwsCall call, string action, string resource, string created, Dictionary<string, IReadOnlyList<string>> context)
    {
        var tags = Tags(call);
        yield return new AuthorizationRequest(action, resource, context.WithRequestTags(tags));
        if (tags.Count > 0)
        {
            yield return new AuthorizationRequest($"{Prefix}:AddTags", created,
                ContextKeys.Of(($"{Prefix}:CreateAction", call.Operation)).WithRequestTags(tags));
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> OnResource(string resource, AwsState state) =>
        ContextKeys.Of().WithResourceTags(state.ElbTags.GetValueOrDefault(resource), Prefix);

    private static Dictionary<string, string> Tags(AwsCall call)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in call.Items("Tags.member"))
        {
            tags[call.Param(item + "Key") ?? string.Empty] = call.Param(item + "Value") ?? string.Empty;
        }

        return tags;
    }
}
