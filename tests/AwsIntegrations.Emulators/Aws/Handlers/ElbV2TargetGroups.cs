using System.Globalization;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>ELBv2 target groups, targets and target health.</summary>
public static class ElbV2TargetGroups
{
    public static object?[]? Handle(AwsCall call, AwsState state) => call.Operation switch
    {
        "DescribeTargetGroups" => Describe(call, state),
        "CreateTargetGroup" => Create(call, state),
        "ModifyTargetGroup" => Modify(call, state),
        "DeleteTargetGroup" => Delete(call, state),
        "RegisterTargets" => Register(call, state),
        "DeregisterTargets" => Deregister(call, state),
        "DescribeTargetHealth" => Health(call, state),
        _ => null,
    };

    public static TargetGroup Find(string arn, AwsState state) =>
        state.TargetGroups.FirstOrDefault(t => t.Arn == arn) ?? throw new AwsFault("TargetGroupNotFound", $"Target groups '[{arn}]' not found");

    /// <summary>Load balancers whose listeners forward to the target group.</summary>
    public static List<string> LoadBalancersOf(TargetGroup tg, AwsState state) =>
        state.Listeners.Where(l => l.DefaultActions.Any(a => a.TargetGroupArn == tg.Arn)).Select(l => l.LoadBalancerArn).Distinct().ToList();

    private static object?[] Describe(AwsCall call, AwsState state)
    {
        var arns = call.List("TargetGroupArns.member");
        var names = call.List("Names.member");
        IEnumerable<TargetGroup> selected = state.TargetGroups;
        if (call.Param("LoadBalancerArn") is { } lbArn)
        {
            _ = state.LoadBalancers.FirstOrDefault(l => l.Arn == lbArn) ?? throw ElbV2Handler.NotFound(lbArn);
            selected = selected.Where(t => LoadBalancersOf(t, state).Contains(lbArn));
        }

        if (arns.Count > 0)
        {
            selected = arns.Select(a => Find(a, state));
        }
        else if (names.Count > 0)
        {
            selected = names.Select(n => state.TargetGroups.FirstOrDefault(t => t.Name == n) ?? throw new AwsFault("TargetGroupNotFound", $"One or more target groups not found"));
        }

        var (page, next) = Paging.Page(selected.ToList(), call.Param("Marker"), ElbV2Handler.PageSize(call), state.DefaultPageSize ?? 400, 400);
        return [QueryXml.List("TargetGroups", "member", page, tg => ElbV2Xml.TargetGroup(tg, state).Nodes()), QueryXml.Opt("NextMarker", next)];
    }

    private static object?[] Create(AwsCall call, AwsState state)
    {
        var name = call.RequiredParam("Name");
        ElbV2Naming.ValidateName(name, "Target group");
        var type = call.Param("TargetType") ?? "instance";
        var vpcId = call.Param("VpcId");
        var protocol = call.Param("Protocol");
        var port = call.Param("Port") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
        if (type != "lambda" && (vpcId is null || protocol is null || port is null))
        {
            throw new AwsFault("ValidationError", "A protocol, a port and a VPC ID must be specified for target groups of type instance or ip");
        }

        if (vpcId is not null && state.Vpcs.All(v => v.Id != vpcId))
        {
            throw new AwsFault("ValidationError", $"The VPC ID '{vpcId}' is not found");
        }

        var existing = state.TargetGroups.FirstOrDefault(t => t.Name == name);
        if (existing is not null)
        {
            return existing.Port == port && existing.Protocol == protocol && existing.VpcId == vpcId
                ? [QueryXml.List("TargetGroups", "member", [existing], tg => ElbV2Xml.TargetGroup(tg, state).Nodes())]
                : throw new AwsFault("DuplicateTargetGroupName", "A target group with the same name exists, but with different settings");
        }

        var created = new TargetGroup
        {
            Arn = $"arn:aws:elasticloadbalancing:{state.Region}:{state.AccountId}:targetgroup/{name}/{state.NewHex(16)}",
            Name = name, Protocol = protocol, Port = port, VpcId = vpcId, TargetType = type,
            HealthCheckProtocol = protocol, HealthCheckPort = "traffic-port", HealthCheckPath = protocol is "HTTP" or "HTTPS" ? "/" : null,
            Matcher = protocol is "HTTP" or "HTTPS" ? "200" : null,
            HealthCheckTimeoutSeconds = protocol is "TCP" or "TLS" ? 10 : 5,
        };
        ApplyHealthCheck(call, created);
        if (created.HealthCheckProtocol is "HTTP" or "HTTPS" && protocol is not ("HTTP" or "HTTPS"))
        {
            // An HTTP health check on a TCP/TLS target group (Network Load Balancers): AWS's defaults for it.
            created.HealthCheckPath ??= "/";
            created.Matcher ??= "200-399";
        }
        state.TargetGroups.Add(created);
        state.ElbTags[created.Arn] = ElbV2Tags.TagsOf(call, "Tags.member");
        return [QueryXml.List("TargetGroups", "member", [created], tg => ElbV2Xml.TargetGroup(tg, state).Nodes())];
    }

    private static object?[] Modify(AwsCall call, AwsState state)
    {
        var tg = Find(call.RequiredParam("TargetGroupArn"), state);
        ApplyHealthCheck(call, tg);
        return [QueryXml.List("TargetGroups", "member", [tg], t => ElbV2Xml.TargetGroup(t, state).Nodes())];
    }

    private static object?[] Delete(AwsCall call, AwsState state)
    {
        var arn = call.RequiredParam("TargetGroupArn");
        var tg = state.TargetGroups.FirstOrDefault(t => t.Arn == arn);
        if (tg is null)
        {
            return [];
        }

        if (LoadBalancersOf(tg, state).Count > 0)
        {
            throw new AwsFault("ResourceInUse", $"Target group '{arn}' is currently in use by a listener or a rule");
        }

        state.TargetGroups.Remove(tg);
        state.ElbTags.Remove(arn);
        return [];
    }

    private static object?[] Register(AwsCall call, AwsState state)
    {
        var tg = Find(call.RequiredParam("TargetGroupArn"), state);
        Purge(tg, state);
        var now = state.Time.GetUtcNow();
        foreach (var target in Targets(call))
        {
            if (tg.TargetType == "instance" && !state.Instances.Any(i => i.Id == target.Id && i.VpcId == tg.VpcId))
            {
                throw new AwsFault("InvalidTarget", $"The following targets are not in the target group's VPC or are not valid instances: '{target.Id}'");
            }

            var port = target.Port ?? tg.Port;
            var registered = tg.Targets.FirstOrDefault(t => t.Id == target.Id && (t.Port ?? tg.Port) == port);
            if (registered is null)
            {
                tg.Targets.Add(target with { Port = port, RegisteredAt = now });
            }
            else if (registered.DeregisteredAt is not null)
            {
                // Registering a draining target registers it anew: health checks start over.
                registered.DeregisteredAt = null;
                registered.RegisteredAt = now;
            }
        }

        return [];
    }

    private static object?[] Deregister(AwsCall call, AwsState state)
    {
        var tg = Find(call.RequiredParam("TargetGroupArn"), state);
        Purge(tg, state);
        var now = state.Time.GetUtcNow();
        foreach (var target in Targets(call))
        {
            var port = target.Port ?? tg.Port;
            var registered = tg.Targets.FirstOrDefault(t => t.Id == target.Id && t.Port == port)
                ?? throw new AwsFault("InvalidTarget", $"The following targets are not registered in target group '{tg.Arn}': '{target.Id}'");
            registered.DeregisteredAt ??= now;
        }

        Purge(tg, state);
        return [];
    }

    private static object?[] Health(AwsCall call, AwsState state)
    {
        var tg = Find(call.RequiredParam("TargetGroupArn"), state);
        Purge(tg, state);
        var asked = Targets(call);
        var rows = asked.Count == 0
            ? tg.Targets.Select(t => (Target: t, Registered: true))
            : asked.Select(a => (Target: tg.Targets.FirstOrDefault(t => t.Id == a.Id && (a.Port is null || t.Port == a.Port)) ?? a, Registered: tg.Targets.Any(t => t.Id == a.Id)));
        return [QueryXml.List("TargetHealthDescriptions", "member", rows.ToList(), row =>
        {
            var (state2, reason, description) = HealthOf(tg, row.Target, row.Registered, state);
            return new object?[]
            {
                new XElement("Target", new XElement("Id", row.Target.Id), QueryXml.Opt("Port", row.Target.Port), QueryXml.Opt("AvailabilityZone", row.Target.AvailabilityZone)),
                new XElement("HealthCheckPort", row.Target.Port?.ToString(CultureInfo.InvariantCulture) ?? tg.HealthCheckPort),
                new XElement("TargetHealth", new XElement("State", state2), QueryXml.Opt("Reason", reason), QueryXml.Opt("Description", description)),
            };
        })];
    }

    /// <summary>
    /// A target's health as AWS reports it over time (ELB user guide, "Target health status"): draining after
    /// deregistration, unused while no listener forwards to the group, initial while its load balancer provisions and
    /// until HealthyThresholdCount checks have passed, then healthy while its instance runs.
    /// </summary>
    private static (string State, string? Reason, string? Description) HealthOf(TargetGroup tg, EmulatedTarget target, bool registered, AwsState state)
    {
        if (!registered)
        {
            return ("unused", "Target.NotRegistered", "Target is not registered to the target group");
        }

        if (target.DeregisteredAt is not null)
        {
            return ("draining", "Target.DeregistrationInProgress", "Target deregistration is in progress");
        }

        if (target.HealthOverride is { } forced)
        {
            return (forced, forced == "healthy" ? null : "Target.FailedHealthChecks", forced == "healthy" ? null : "Health checks failed");
        }

        var loadBalancers = LoadBalancersOf(tg, state).Select(arn => state.LoadBalancers.FirstOrDefault(l => l.Arn == arn)).OfType<LoadBalancer>().ToList();
        if (loadBalancers.Count == 0)
        {
            return ("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer");
        }

        var instance = state.Instances.FirstOrDefault(i => i.Id == target.Id);
        if (instance is not null && instance.State != "running")
        {
            return ("unused", "Target.InvalidState", "Target is in the stopped state");
        }

        var now = state.Time.GetUtcNow();
        var activeAt = loadBalancers.Min(l => l.ActiveAt);
        if (now < activeAt)
        {
            return ("initial", "Elb.RegistrationInProgress", "Target registration is in progress");
        }

        var checksStart = target.RegisteredAt > activeAt ? target.RegisteredAt : activeAt;
        var interval = state.Behavior.HealthCheckInterval ?? TimeSpan.FromSeconds(tg.HealthCheckIntervalSeconds);
        return now < checksStart + (interval * tg.HealthyThresholdCount)
            ? ("initial", "Elb.InitialHealthChecking", "Initial health checks in progress")
            : ("healthy", null, null);
    }

    /// <summary>Forgets targets whose deregistration delay has passed.</summary>
    private static void Purge(TargetGroup tg, AwsState state)
    {
        var now = state.Time.GetUtcNow();
        var delay = state.Behavior.DeregistrationDelay ?? TimeSpan.FromSeconds(int.Parse(tg.Attributes[ElbV2TargetGroupAttributes.DeregistrationDelay], CultureInfo.InvariantCulture));
        tg.Targets.RemoveAll(t => t.DeregisteredAt is { } at && now >= at + delay);
    }

    private static List<EmulatedTarget> Targets(AwsCall call) =>
        call.Items("Targets.member").Select(p => new EmulatedTarget(
            call.RequiredParam(p + "Id"),
            call.Param(p + "Port") is { } port ? int.Parse(port, CultureInfo.InvariantCulture) : null,
            call.Param(p + "AvailabilityZone"))).ToList();

    private static void ApplyHealthCheck(AwsCall call, TargetGroup tg)
    {
        tg.HealthCheckProtocol = call.Param("HealthCheckProtocol") ?? tg.HealthCheckProtocol;
        tg.HealthCheckPort = call.Param("HealthCheckPort") ?? tg.HealthCheckPort;
        tg.HealthCheckPath = call.Param("HealthCheckPath") ?? tg.HealthCheckPath;
        tg.HealthCheckEnabled = call.Param("HealthCheckEnabled") is { } e ? e == "true" : tg.HealthCheckEnabled;
        tg.HealthCheckIntervalSeconds = Int(call, "HealthCheckIntervalSeconds") ?? tg.HealthCheckIntervalSeconds;
        tg.HealthCheckTimeoutSeconds = Int(call, "HealthCheckTimeoutSeconds") ?? tg.HealthCheckTimeoutSeconds;
        tg.HealthyThresholdCount = Int(call, "HealthyThresholdCount") ?? tg.HealthyThresholdCount;
        tg.UnhealthyThresholdCount = Int(call, "UnhealthyThresholdCount") ?? tg.UnhealthyThresholdCount;
        tg.Matcher = call.Param("Matcher.HttpCode") ?? tg.Matcher;
        if (tg.HealthCheckProtocol == "TCP" && tg.Protocol is "HTTP" or "HTTPS")
        {
            throw new AwsFault("ValidationError", $"Health check protocol 'TCP' is not supported for target groups with the protocol '{tg.Protocol}'");
        }

        if (tg.HealthCheckProtocol is "TCP" && call.Param("HealthCheckPath") is not null)
        {
            throw new AwsFault("ValidationError", "A health check path cannot be specified for TCP health checks");
        }

        if (tg.HealthCheckIntervalSeconds is < 5 or > 300 || tg.HealthCheckTimeoutSeconds is < 2 or > 120)
        {
            throw new AwsFault("ValidationError", "Health check interval must be 5–300 seconds and timeout 2–120 seconds");
        }
    }

    private static int? Int(AwsCall call, string name) => call.Param(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;
}
