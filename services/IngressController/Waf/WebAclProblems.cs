using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.Kubernetes.Events;

namespace AwsIntegrations.IngressController.Waf;

/// <summary>
/// A problem on each Ingress of a load balancer whose wanted web ACL AWS refused (unknown, malformed, not allowed) or whose
/// association could not be read; the load balancer serves without it.
/// </summary>
public static class WebAclProblems
{
    public const string Reason = "WebAclNotAssociated";

    public static void Add(IReadOnlyDictionary<string, DesiredAlb> desired, AwsInventory inventory, IngressProblems problems)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var want in desired.Values)
        {
            if (want.Group.Waf is { } acl && inventory.Albs.TryGetValue(want.Name, out var alb) && Why(acl, alb, inventory.WebAclReadDenied) is { } why)
            {
                problems.AddToEach(want.Ingresses, new Problem(Reason, $"{why}; the load balancer serves without it; it is tried again on the next resync"));
            }
        }
    }

    private static string? Why(string acl, AlbState alb, string? readDenied) =>
        alb.WebAclRejected is { } rejected && rejected.Acl == acl ? $"AWS WAF refused web ACL {acl} for load balancer {alb.Name} ({rejected.Reason})"
        : !alb.WebAclKnown && readDenied is not null ? $"the web ACL of load balancer {alb.Name} cannot be read ({readDenied}), so {acl} is not associated"
        : null;
}
