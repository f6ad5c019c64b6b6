using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Planning;

namespace AwsIntegrations.IngressController.Waf;

/// <summary>
/// Keeps each load balancer's WAFv2 association as its group wants it, after the ELBv2 writes (the load balancer must
/// exist). Associations are read only on full reads (<see cref="ReadAsync"/>); a new load balancer has none. An ACL AWS
/// refuses (unknown, malformed, not allowed) becomes a problem on the Ingresses and is not tried again before the next full
/// read; the load balancer keeps serving without it.
/// </summary>
public sealed class WebAclSync(IWafv2Api waf)
{
    private static readonly HashSet<string> Refusals = new(StringComparer.Ordinal)
    {
        "WAFNonexistentItemException", "WAFInvalidParameterException", "WAFInvalidOperationException", "AccessDeniedException",
    };

    /// <summary>Reads the association of every load balancer in the inventory (one GetWebACLForResource each).</summary>
    public async Task ReadAsync(AwsInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        foreach (var alb in inventory.Albs.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            alb.WebAcl = (await waf.GetWebAclForResourceAsync(alb.Arn, cancellationToken).ConfigureAwait(false))?.Arn;
            alb.WebAclKnown = true;
        }
    }

    /// <summary>Associates or disassociates where needed; calls <paramref name="applied"/> with the operation of each write made.</summary>
    public async Task ApplyAsync(IReadOnlyDictionary<string, DesiredAlb> desired, AwsInventory inventory, Action<string, string> applied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(applied);
        foreach (var want in desired.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (!inventory.Albs.TryGetValue(want.Name, out var alb))
            {
                continue;
            }

            switch (WebAclDecision.Decide(want.Group.Waf, alb))
            {
                case WebAclAction.Associate:
                    try
                    {
                        await waf.AssociateWebAclAsync(want.Group.Waf!, alb.Arn, cancellationToken).ConfigureAwait(false);
                        alb.WebAcl = want.Group.Waf;
                        alb.WebAclRejected = null;
                        applied("AssociateWebACL", alb.Name);
                    }
                    catch (AwsServiceException e) when (Refusals.Contains(e.Code))
                    {
                        alb.WebAclRejected = (want.Group.Waf!, $"{e.Code}: {e.Message}");
                    }

                    break;
                case WebAclAction.Disassociate:
                    await waf.DisassociateWebAclAsync(alb.Arn, cancellationToken).ConfigureAwait(false);
                    alb.WebAcl = null;
                    applied("DisassociateWebACL", alb.Name);
                    break;
            }
        }
    }

    /// <summary>A problem for each Ingress on a load balancer whose wanted web ACL AWS refused.</summary>
    public static IEnumerable<(string Ingress, IngressProblem Problem)> Problems(IReadOnlyDictionary<string, DesiredAlb> desired, AwsInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(inventory);
        foreach (var want in desired.Values)
        {
            if (want.Group.Waf is { } acl && inventory.Albs.TryGetValue(want.Name, out var alb) && alb.WebAclRejected is { } rejected && rejected.Acl == acl)
            {
                foreach (var ingress in want.Ingresses)
                {
                    yield return (ingress, new IngressProblem("WebAclNotAssociated",
                        $"AWS WAF refused web ACL {acl} for load balancer {alb.Name} ({rejected.Reason}); the load balancer serves without it; it is tried again on the next resync"));
                }
            }
        }
    }
}
