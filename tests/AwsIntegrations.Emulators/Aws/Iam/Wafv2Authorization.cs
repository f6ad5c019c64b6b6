namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// What AWS authorizes for the WAFv2 association operations ("Permissions for AssociateWebACL" in the AWS WAF developer
/// guide; AWS's own AmazonEKSLoadBalancingPolicy grants wafv2:AssociateWebACL on both the web ACL and the load balancer
/// ARNs): AssociateWebACL on the web ACL and on the protected resource, DisassociateWebACL and GetWebACLForResource on the
/// protected resource; for an Application Load Balancer, associating and disassociating are also
/// elasticloadbalancing:SetWebAcl on it.
/// </summary>
public static class Wafv2Authorization
{
    public static IEnumerable<AuthorizationRequest> Requests(AwsCall call, AwsState state)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(state);
        var action = "wafv2:" + call.Operation;
        var resource = call.Json?["ResourceArn"]?.GetValue<string>() ?? "*";
        var loadBalancer = resource.Contains(":loadbalancer/app/", StringComparison.Ordinal);
        var requests = new List<AuthorizationRequest>();
        if (call.Operation == "AssociateWebACL")
        {
            requests.Add(new(action, call.Json?["WebACLArn"]?.GetValue<string>() ?? "*", ContextKeys.Of()));
        }

        requests.Add(new(action, resource, ContextKeys.Of()));
        if (loadBalancer && call.Operation is "AssociateWebACL" or "DisassociateWebACL")
        {
            requests.Add(ElbV2Authorization.SetWebAcl(resource, state));
        }

        return requests;
    }
}
