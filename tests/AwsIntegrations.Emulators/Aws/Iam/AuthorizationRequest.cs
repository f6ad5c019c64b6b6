namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// One authorization AWS makes for a request: an action on a resource ARN ("*" for actions without resource-level
/// permissions) with the request's context keys (key names compare without case, as IAM's do). A call may need several
/// (CreateLoadBalancer with tags is also elasticloadbalancing:AddTags on the new load balancer).
/// </summary>
public sealed record AuthorizationRequest(string Action, string Resource, IReadOnlyDictionary<string, IReadOnlyList<string>> Context)
{
    /// <summary>For trust policies: who asks to assume the role.</summary>
    public RequestPrincipal? Principal { get; init; }

    public static Dictionary<string, IReadOnlyList<string>> NewContext() => new(StringComparer.OrdinalIgnoreCase);
}
