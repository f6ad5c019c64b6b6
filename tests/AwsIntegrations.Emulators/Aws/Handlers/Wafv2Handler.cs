using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// WAFv2 (JSON 1.1, target prefix AWSWAF_20190729), regional web ACL associations: AssociateWebACL, DisassociateWebACL,
/// GetWebACLForResource. A malformed ARN is WAFInvalidParameterException; an unknown web ACL or load balancer is
/// WAFNonexistentItemException. A resource has at most one web ACL: associating another replaces it.
/// </summary>
public static partial class Wafv2Handler
{
    public static WireResponse Handle(AwsCall call, AwsState state)
    {
        var body = call.Json ?? new JsonObject();
        lock (state.Gate)
        {
            return call.Operation switch
            {
                "AssociateWebACL" => Associate(body, state),
                "DisassociateWebACL" => Disassociate(body, state),
                "GetWebACLForResource" => Get(body, state),
                _ => throw new AwsFault("UnknownOperationException", $"Unknown operation {call.Operation}"),
            };
        }
    }

    private static WireResponse Associate(JsonObject body, AwsState state)
    {
        var aclArn = Arn(body, "WebACLArn", WebAclArn(), "a regional web ACL ARN (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>)");
        var resource = Resource(body, state);
        var acl = state.WebAcls.FirstOrDefault(a => a.Arn == aclArn)
            ?? throw new AwsFault("WAFNonexistentItemException", "WAF couldn't perform the operation because your resource doesn't exist.");
        state.WebAclAssociations[resource] = acl.Arn;
        return WireResponse.Json(new JsonObject());
    }

    private static WireResponse Disassociate(JsonObject body, AwsState state)
    {
        state.WebAclAssociations.Remove(Resource(body, state));
        return WireResponse.Json(new JsonObject());
    }

    private static WireResponse Get(JsonObject body, AwsState state)
    {
        var resource = Resource(body, state);
        var acl = state.WebAclAssociations.TryGetValue(resource, out var arn) ? state.WebAcls.FirstOrDefault(a => a.Arn == arn) : null;
        return WireResponse.Json(acl is null ? new JsonObject() : new JsonObject
        {
            ["WebACL"] = new JsonObject
            {
                ["Name"] = acl.Name,
                ["Id"] = acl.Id,
                ["ARN"] = acl.Arn,
                ["DefaultAction"] = new JsonObject { ["Allow"] = new JsonObject() },
                ["Rules"] = new JsonArray(),
                ["VisibilityConfig"] = new JsonObject { ["SampledRequestsEnabled"] = true, ["CloudWatchMetricsEnabled"] = true, ["MetricName"] = acl.Name },
                ["Capacity"] = 0,
            },
        });
    }

    /// <summary>The resource ARN, which must name an existing Application Load Balancer.</summary>
    private static string Resource(JsonObject body, AwsState state)
    {
        var arn = Arn(body, "ResourceArn", LoadBalancerArn(), "an Application Load Balancer ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>)");
        return state.LoadBalancers.Any(l => l.Arn == arn)
            ? arn
            : throw new AwsFault("WAFNonexistentItemException", "WAF couldn't perform the operation because your resource doesn't exist.");
    }

    private static string Arn(JsonObject body, string field, Regex shape, string expected)
    {
        var value = body[field]?.GetValue<string>();
        if (value is null || value.Length < 20 || !shape.IsMatch(value))
        {
            throw new AwsFault("WAFInvalidParameterException", $"Error reason: The ARN isn't valid. A valid ARN begins with arn: and includes other information separated by colons or slashes., field: RESOURCE_ARN, parameter: {value ?? "(none)"}; expected {expected} in {field}");
        }

        return value;
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:regional/webacl/[A-Za-z0-9_-]{1,128}/[a-f0-9-]{1,36}$")]
    private static partial Regex WebAclArn();

    [GeneratedRegex(@"^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer/app/[A-Za-z0-9-]{1,32}/[a-f0-9]{1,16}$")]
    private static partial Regex LoadBalancerArn();
}
