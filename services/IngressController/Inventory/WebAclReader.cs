using AwsIntegrations.Aws;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// Reads the WAFv2 web ACL association of every load balancer in the inventory (one GetWebACLForResource each), on full
/// reads only: between them the applier keeps the associations it makes. When reading is denied (an IAM policy without the
/// wafv2 actions), the rest stay unknown and the denial is kept in <see cref="AwsInventory.WebAclReadDenied"/>, so nothing
/// is associated or removed on a guess.
/// </summary>
public sealed class WebAclReader(IWafv2Api waf)
{
    public async Task ReadAsync(AwsInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        inventory.WebAclReadDenied = null;
        foreach (var alb in inventory.Albs.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (alb.IsNetwork)
            {
                alb.WebAcl = null; // WAF protects Application Load Balancers only
                alb.WebAclKnown = true;
                continue;
            }

            try
            {
                alb.WebAcl = (await waf.GetWebAclForResourceAsync(alb.Arn, cancellationToken).ConfigureAwait(false))?.Arn;
                alb.WebAclKnown = true;
            }
            catch (AwsServiceException e) when (e.Code.StartsWith("AccessDenied", StringComparison.Ordinal))
            {
                inventory.WebAclReadDenied = $"{e.Code}: {e.Message}";
                return;
            }
        }
    }
}
