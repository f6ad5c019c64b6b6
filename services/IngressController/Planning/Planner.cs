using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// Desired load balancers + what AWS has → the writes that close the gap, and nothing else: when the two agree the plan is
/// empty. Certificates are added before a default is swapped and removed only after, so rotation never drops a host.
/// Anything no longer needed is removed only after the cleanup grace, and only if it is ours (the inventory holds nothing else).
/// </summary>
public static class Planner
{
    public static Plan Build(
        IReadOnlyDictionary<string, DesiredAlb> desired,
        AwsInventory actual,
        IReadOnlySet<string> targets,
        LoadBalancerSettings settings,
        IReadOnlyDictionary<string, DateTimeOffset> unneeded,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(settings);
        var changes = new List<Change>();
        var cleanup = new CleanupClock(unneeded, now, settings.CleanupGrace);
        foreach (var alb in desired.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            PlanAlb(alb, actual, targets, settings, cleanup, changes);
        }

        PlanUnneededAlbs(desired, actual, cleanup, changes);
        PlanUnneededTargetGroups(desired, actual, cleanup, changes);
        return new Plan(changes, cleanup.StillUnneeded, cleanup.NextDue);
    }

    /// <summary>Our load balancers no one needs: tagged unused, then deleted with their target group after the grace.</summary>
    private static void PlanUnneededAlbs(IReadOnlyDictionary<string, DesiredAlb> desired, AwsInventory actual, CleanupClock cleanup, List<Change> changes)
    {
        foreach (var alb in actual.Albs.Values.Where(a => !desired.ContainsKey(a.Name)).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var key = $"alb:{alb.Name}";
            if (cleanup.Due(key, alb.UnusedSince) && !alb.DeletionProtected)
            {
                changes.Add(new DeleteLoadBalancer(alb.Name));
                if (actual.TargetGroups.ContainsKey(alb.Name))
                {
                    changes.Add(new DeleteTargetGroup(alb.Name));
                }
            }
            else if (alb.UnusedSince is null)
            {
                changes.Add(new TagUnused(alb.Name, CleanupTarget.LoadBalancer, cleanup.Since(key, null)));
            }
        }
    }

    /// <summary>Our target groups left without a load balancer: tagged unused, then deleted after the grace.</summary>
    private static void PlanUnneededTargetGroups(IReadOnlyDictionary<string, DesiredAlb> desired, AwsInventory actual, CleanupClock cleanup, List<Change> changes)
    {
        foreach (var group in actual.TargetGroups.Values.Where(t => !desired.ContainsKey(t.Name) && !actual.Albs.ContainsKey(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var key = $"tg:{group.Name}";
            if (cleanup.Due(key, group.UnusedSince))
            {
                changes.Add(new DeleteTargetGroup(group.Name));
            }
            else if (group.UnusedSince is null)
            {
                changes.Add(new TagUnused(group.Name, CleanupTarget.TargetGroup, cleanup.Since(key, null)));
            }
        }
    }

    private static void PlanAlb(DesiredAlb alb, AwsInventory actual, IReadOnlySet<string> targets, LoadBalancerSettings settings, CleanupClock cleanup, List<Change> changes)
    {
        actual.Albs.TryGetValue(alb.Name, out var current);
        if (!PlanLoadBalancer(alb, current, settings, changes))
        {
            return; // reported on the Ingresses; nothing can be created without subnets and security group
        }

        actual.TargetGroups.TryGetValue(alb.Name, out var group);
        PlanTargetGroup(alb, group, settings, changes);
        PlanTargets(alb.Name, group, targets, changes);
        PlanHttps(alb, current?.Https, settings, cleanup, changes);
        PlanHttp(alb, current?.Http, settings, changes, group?.Arn);
    }

    /// <summary>The load balancer created (when it can be) or untagged, and its attributes; false when it cannot be created.</summary>
    private static bool PlanLoadBalancer(DesiredAlb alb, AlbState? current, LoadBalancerSettings settings, List<Change> changes)
    {
        if (current?.UnusedSince is not null)
        {
            changes.Add(new UntagUnused(alb.Name, CleanupTarget.LoadBalancer));
        }

        if (current is null)
        {
            if (alb.Subnets is null || (alb.SecurityGroup is null && !alb.Group.IsNetwork))
            {
                return false;
            }

            changes.Add(new CreateLoadBalancer(alb.Name, alb.Group, alb.Subnets, alb.Group.IsNetwork ? null : alb.SecurityGroup));
        }

        var attributeChanges = Differing(settings.Attributes(alb.Group), current?.Attributes ?? AwsDefaults.NewAttributes(alb.Group.Type));
        if (attributeChanges.Count > 0)
        {
            changes.Add(new ModifyLoadBalancerAttributes(alb.Name, attributeChanges));
        }

        return true;
    }

    private static void PlanTargetGroup(DesiredAlb alb, TargetGroupState? group, LoadBalancerSettings settings, List<Change> changes)
    {
        if (group?.UnusedSince is not null)
        {
            changes.Add(new UntagUnused(alb.Name, CleanupTarget.TargetGroup));
        }

        var healthCheck = settings.HealthCheckFor(alb.Group);
        if (group is null)
        {
            changes.Add(new CreateTargetGroup(alb.Name, settings.TargetProtocol(alb.Group), healthCheck));
            changes.Add(new ModifyTargetGroupAttributes(alb.Name, settings.TargetGroupAttributes()));
            return;
        }

        if (!SameHealthCheck(group.HealthCheck, healthCheck))
        {
            changes.Add(new ModifyTargetGroup(alb.Name, healthCheck));
        }

        var differing = Differing(settings.TargetGroupAttributes(), group.Attributes);
        if (differing.Count > 0)
        {
            changes.Add(new ModifyTargetGroupAttributes(alb.Name, differing));
        }
    }

    private static void PlanTargets(string alb, TargetGroupState? group, IReadOnlySet<string> targets, List<Change> changes)
    {
        var registered = group?.Targets ?? [];
        var add = targets.Where(t => !registered.Contains(t)).Order(StringComparer.Ordinal).ToList();
        var remove = registered.Where(t => !targets.Contains(t)).Order(StringComparer.Ordinal).ToList();
        if (add.Count > 0)
        {
            changes.Add(new RegisterTargets(alb, add));
        }

        if (remove.Count > 0)
        {
            changes.Add(new DeregisterTargets(alb, remove));
        }
    }

    /// <summary>HTTPS:443 (TLS:443 on a Network Load Balancer) with the wanted certificates; none when no certificate is wanted.</summary>
    private static void PlanHttps(DesiredAlb alb, ListenerState? https, LoadBalancerSettings settings, CleanupClock cleanup, List<Change> changes)
    {
        var wanted = alb.Certificates;
        var protocol = alb.Group.IsNetwork ? ListenerProtocols.Tls : ListenerProtocols.Https;
        if (wanted.Count == 0)
        {
            if (https is not null)
            {
                changes.Add(new DeleteListener(alb.Name, protocol));
            }
        }
        else if (https is null)
        {
            var first = wanted.Order(StringComparer.Ordinal).First();
            changes.Add(new CreateListener(alb.Name, protocol, first, alb.Group.SslPolicy, Redirect: false));
            var rest = wanted.Where(c => c != first).Order(StringComparer.Ordinal).ToList();
            if (rest.Count > 0)
            {
                changes.Add(new AddListenerCertificates(alb.Name, rest));
            }
        }
        else
        {
            PlanCertificates(alb, https, protocol, settings, cleanup, changes);
        }
    }

    /// <summary>
    /// Certificates of an existing listener: added before a default is swapped, removed only after, so rotation never drops
    /// a host; certificates no longer wanted linger for the grace (clients mid-rotation keep working) unless their room is
    /// needed now.
    /// </summary>
    private static void PlanCertificates(DesiredAlb alb, ListenerState https, string protocol, LoadBalancerSettings settings, CleanupClock cleanup, List<Change> changes)
    {
        var wanted = alb.Certificates;
        var attached = new HashSet<string>(https.Certificates, StringComparer.Ordinal);
        var newDefault = https.DefaultCertificate is { } d && wanted.Contains(d) ? d : wanted.Order(StringComparer.Ordinal).First();
        var toAdd = wanted.Where(c => c != newDefault && !attached.Contains(c)).Order(StringComparer.Ordinal).ToList();
        if (toAdd.Count > 0)
        {
            changes.Add(new AddListenerCertificates(alb.Name, toAdd));
        }

        var swapDefault = newDefault != https.DefaultCertificate;
        var policyDiffers = https.SslPolicy != alb.Group.SslPolicy;
        if (swapDefault || policyDiffers)
        {
            changes.Add(new ModifyListener(alb.Name, protocol, swapDefault ? newDefault : null, policyDiffers ? alb.Group.SslPolicy : null, null));
        }

        var overCapacity = attached.Count + toAdd.Count + 1 > settings.MaxCertificates;
        var remove = attached.Where(c => !wanted.Contains(c)).Order(StringComparer.Ordinal)
            .Where(c => cleanup.Due($"cert:{alb.Name}:{c}", null) || overCapacity).ToList();
        foreach (var removed in remove)
        {
            cleanup.Removed($"cert:{alb.Name}:{removed}");
        }

        if (remove.Count > 0)
        {
            changes.Add(new RemoveListenerCertificates(alb.Name, remove));
        }
    }

    /// <summary>HTTP:80 forwarding or redirecting; on a Network Load Balancer TCP:80 forwarding, only with --nlb-http-enabled.</summary>
    private static void PlanHttp(DesiredAlb alb, ListenerState? http, LoadBalancerSettings settings, List<Change> changes, string? targetGroupArn)
    {
        var protocol = alb.Group.IsNetwork ? ListenerProtocols.Tcp : ListenerProtocols.Http;
        if (alb.Group.IsNetwork && !settings.NlbHttpEnabled)
        {
            if (http is not null)
            {
                changes.Add(new DeleteListener(alb.Name, protocol));
            }

            return;
        }

        if (http is null)
        {
            changes.Add(new CreateListener(alb.Name, protocol, null, null, alb.Group.Redirect));
            return;
        }

        var isRedirect = http.Action == ListenerActions.Redirect;
        var forwardsElsewhere = !isRedirect && targetGroupArn is not null && http.ForwardTargetGroup != targetGroupArn;
        if (isRedirect != alb.Group.Redirect || forwardsElsewhere)
        {
            changes.Add(new ModifyListener(alb.Name, protocol, null, null, alb.Group.Redirect));
        }
    }

    /// <summary>The wanted attributes whose value AWS reports differently (or not at all).</summary>
    public static Dictionary<string, string> Differing(IReadOnlyDictionary<string, string> wanted, IReadOnlyDictionary<string, string> actual) =>
        wanted.Where(w => actual.GetValueOrDefault(w.Key) != w.Value).ToDictionary(StringComparer.Ordinal);

    /// <summary>Whether the actual health check has every setting the wanted one sets (what it leaves to AWS is not compared).</summary>
    private static bool SameHealthCheck(TargetGroupHealthCheck actual, TargetGroupHealthCheck wanted) =>
        actual.Path == wanted.Path && actual.IntervalSeconds == wanted.IntervalSeconds
        && (wanted.TimeoutSeconds is null || actual.TimeoutSeconds == wanted.TimeoutSeconds)
        && (wanted.Port is null || actual.Port == wanted.Port)
        && actual.HealthyThresholdCount == wanted.HealthyThresholdCount && actual.UnhealthyThresholdCount == wanted.UnhealthyThresholdCount
        && string.Equals(actual.Protocol, wanted.Protocol, StringComparison.OrdinalIgnoreCase);
}
