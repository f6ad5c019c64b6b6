using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// The web ACL associations to change so each load balancer has the ACL its group wants: for a load balancer that exists
/// as far as its association is known, and for one the plan creates (a new load balancer has none). An ACL AWS refused is
/// not asked for again before the next full read.
/// </summary>
public static class WebAclPlanner
{
    public static IReadOnlyList<WebAclChange> Plan(IReadOnlyDictionary<string, DesiredAlb> desired, AwsInventory actual, IEnumerable<Change> elbChanges)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        var created = elbChanges.OfType<CreateLoadBalancer>().Select(c => c.Alb).ToHashSet(StringComparer.Ordinal);
        var changes = new List<WebAclChange>();
        foreach (var want in desired.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var alb = actual.Albs.GetValueOrDefault(want.Name) ?? (created.Contains(want.Name) ? Created(want.Name) : null);
            var decision = alb is null ? WebAclAction.None : WebAclDecision.Decide(want.Group.Waf, alb);
            if (decision == WebAclAction.Associate)
            {
                changes.Add(new AssociateWebAcl(want.Name, want.Group.Waf!));
            }
            else if (decision == WebAclAction.Disassociate)
            {
                changes.Add(new DisassociateWebAcl(want.Name));
            }
        }

        return changes;
    }

    private static AlbState Created(string name) => new() { Name = name, Arn = "", DnsName = "", WebAclKnown = true };
}
