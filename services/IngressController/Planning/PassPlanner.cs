namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// Plans each pass with the flags' settings and what it remembers between passes (since when each unneeded resource has
/// been unneeded): the ELBv2 changes of the load balancers not held back, then the web ACL associations when they are kept.
/// </summary>
public sealed class PassPlanner(LoadBalancerSettings settings, bool webAcls)
{
    private IReadOnlyDictionary<string, DateTimeOffset> _unneeded = new Dictionary<string, DateTimeOffset>();

    public Plan Plan(DesiredState desired, Inventory.AwsInventory actual, IReadOnlySet<string> targets, IReadOnlySet<string> heldBack, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(heldBack);
        var plan = Planner.Build(desired.Albs, actual, targets, settings, _unneeded, now);
        var elb = plan.Changes.Where(c => !heldBack.Contains(c.Alb)).ToList();
        IReadOnlyList<Change> acls = webAcls ? WebAclPlanner.Plan(desired.Albs, actual, elb) : [];
        return plan with { Changes = [.. elb, .. acls] };
    }

    /// <summary>Remembers the bookkeeping of a plan that was applied.</summary>
    public void Applied(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _unneeded = plan.Unneeded;
    }
}
