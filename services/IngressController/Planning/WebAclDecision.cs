using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>What a load balancer's web ACL association needs, from the ACL its group wants and what is known of AWS.</summary>
public static class WebAclDecision
{
    public static WebAclAction Decide(string? wanted, AlbState alb)
    {
        ArgumentNullException.ThrowIfNull(alb);
        if (!alb.WebAclKnown)
        {
            return WebAclAction.None;
        }

        if (wanted is null)
        {
            return alb.WebAcl is null ? WebAclAction.None : WebAclAction.Disassociate;
        }

        return wanted == alb.WebAcl || alb.WebAclRejected?.Acl == wanted ? WebAclAction.None : WebAclAction.Associate;
    }
}
