using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Ingresses;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Planning;

namespace AwsIntegrations.IngressController.Waf;

/// <summary>
/// Keeps each load balancer's WAFv2 association as its group wants it, after the ELBv2 writes (the load balancer must
/// exist). Associations are read only on full reads (<see cref="ReadAsync"/>); a new load balancer has none. An ACL AWS
/// refuses (unknown, malformed, not allowed) becomes a problem on the Ingresses and is not tried again before the next full
/// read; the load balancer keeps serving without it. When reading associations is denied (an IAM policy without the wafv2
/// actions), load balancers are left as they are and only those whose group wants an ACL get a problem.
/// </summary>
public sealed class WebAclSync(IWafv2Api waf)
{
    private string? _readDenied;

    private static readonly HashSet<string> Refusals = new(StringComparer.Ordinal)
    {
        "WAFNonexistentItemException", "WAFInvalidParameterException", "WAFInvalidOperationException", "AccessDeniedException",
    };

    /// <summary>Reads the association of every load balancer in the inventory (one GetWebACLForResource each).</summary>
    public async Task ReadAsync(AwsInventory inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        _readDenied = null;
        foreach (var alb in inventory.Albs.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (alb.Type == "network")
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
                _readDenied = $"{e.Code}: {e.Message}";
                return; // the rest stay unknown: nothing is associated or removed on a guess
            }
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

    /// <summary>A problem for each Ingress on a load balancer whose wanted web ACL AWS refused or whose association could not be read.</summary>
    public IEnumerable<(string Ingress, IngressProblem Problem)> Problems(IReadOnlyDictionary<string, DesiredAlb> desired, AwsInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(inventory);
        foreach (var want in desired.Values)
        {
            if (want.Group.Waf is not { } acl || !inventory.Albs.TryGetValue(want.Name, out var alb))
            {
                continue;
            }

            var reason = alb.WebAclRejected is { } rejected && rejected.Acl == acl ? $"AWS WAF refused web ACL {acl} for load balancer {alb.Name} ({rejected.Reason})"
                : !alb.WebAclKnown && _readDenied is not null ? $"the web ACL of load balancer {alb.Name} cannot be read ({_readDenied}), so {acl} is not associated"
                : null;
            if (reason is null)
            {
                continue;
            }

            foreach (var ingress in want.Ingresses)
            {
                yield return (ingress, new IngressProblem("WebAclNotAssociated", $"{reason}; the load balancer serves without it; it is tried again on the next resync"));
            }
        }
    }
}
