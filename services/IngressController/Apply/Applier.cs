using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Metrics;
using AwsIntegrations.IngressController.Options;
using AwsIntegrations.IngressController.Planning;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.IngressController.Apply;

/// <summary>
/// Carries out a plan in order with ELBv2 calls, then the web ACL associations with WAFv2 calls, recording each success in
/// the inventory so the next pass needs no reads (and each write in the metrics and the log).
/// Names are deterministic and CreateLoadBalancer/CreateTargetGroup are idempotent by name, so a retried or repeated create
/// after a lost answer or a restart finds the same resource instead of making a second one.
/// When AWS refuses a change (<see cref="Refusal.IsRefusal"/>), the rest of that load balancer's ELBv2 changes are skipped and
/// the others go on: what one Ingress asked for never stops the others. A refused certificate is found out exactly (each
/// certificate of a refused batch is added on its own), so the other certificates of a shared load balancer still land.
/// </summary>
public sealed partial class Applier(IElbV2Api elb, IWafv2Api? waf, Ownership ownership, IngressControllerOptions options, IngressMetrics metrics, ILogger<Applier> logger)
{
    /// <summary>WAFv2 errors that refuse the ACL asked for: it is not tried again before the next full read.</summary>
    private static readonly HashSet<string> WebAclRefusals = new(StringComparer.Ordinal)
    {
        "WAFNonexistentItemException", "WAFInvalidParameterException", "WAFInvalidOperationException", "AccessDeniedException",
    };

    /// <summary>Whether web ACL associations are kept (a WAFv2 client is configured).</summary>
    public bool AppliesWebAcls => waf is not null;

    /// <summary>
    /// Applies every change, skipping the load balancers AWS refused a change for (in the outcome); any other failure of an
    /// ELBv2 change stops with an <see cref="ApplyException"/> naming the change (what was done is in the inventory). A WAFv2
    /// failure stops only the web ACL changes (<see cref="ApplyOutcome.WebAclFailure"/>).
    /// </summary>
    public async Task<ApplyOutcome> ApplyAsync(IReadOnlyList<Change> changes, AwsInventory inventory, string? vpcId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var outcome = new ApplyOutcome();
        foreach (var change in changes)
        {
            if (change is WebAclChange webAcl)
            {
                await ApplyWebAclAsync(webAcl, inventory, outcome, cancellationToken).ConfigureAwait(false);
            }
            else if (!outcome.Refused.ContainsKey(change.Alb) && !AlreadyDone(change, inventory))
            {
                await ApplyElbAsync(change, inventory, vpcId, outcome, cancellationToken).ConfigureAwait(false);
            }
        }

        return outcome;
    }

    private async Task ApplyElbAsync(Change change, AwsInventory inventory, string? vpcId, ApplyOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await ApplyOneAsync(change, inventory, vpcId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (Refusal.IsRefusal(e))
        {
            if (Refusal.IsCertificateCode(e.Code))
            {
                await FindRefusedCertificatesAsync(change, $"{e.Code}: {e.AwsMessage}", inventory, outcome, cancellationToken).ConfigureAwait(false);
                if (change is AddListenerCertificates)
                {
                    return; // the other certificates are on the listener: the load balancer's other changes go on
                }
            }

            outcome.Refused[change.Alb] = new Refusal(change, e.Code, e.AwsMessage);
            return;
        }
        catch (Exception e) when (e is AwsServiceException or AwsProtocolException or HttpRequestException or TimeoutException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ApplyException(change, e);
        }

        Applied(change);
    }

    /// <summary>
    /// An association of a load balancer that exists (one whose create AWS refused has none to make); an ACL AWS refuses is
    /// remembered on the load balancer, which serves without it.
    /// </summary>
    private async Task ApplyWebAclAsync(WebAclChange change, AwsInventory inventory, ApplyOutcome outcome, CancellationToken cancellationToken)
    {
        if (waf is null || outcome.WebAclFailure is not null || !inventory.Albs.TryGetValue(change.Alb, out var alb))
        {
            return;
        }

        try
        {
            await AssociationAsync(change, alb, cancellationToken).ConfigureAwait(false);
            Applied(change);
        }
        catch (AwsServiceException e) when (change is AssociateWebAcl associate && WebAclRefusals.Contains(e.Code))
        {
            alb.WebAclRejected = new WebAclRejection(associate.WebAcl, $"{e.Code}: {e.Message}");
        }
        catch (Exception e) when (e is AwsServiceException or AwsProtocolException or HttpRequestException or TimeoutException)
        {
            outcome.WebAclFailure = e.Message;
        }
    }

    private async Task AssociationAsync(WebAclChange change, AlbState alb, CancellationToken cancellationToken)
    {
        if (change is AssociateWebAcl associate)
        {
            await waf!.AssociateWebAclAsync(associate.WebAcl, alb.Arn, cancellationToken).ConfigureAwait(false);
            alb.WebAcl = associate.WebAcl;
            alb.WebAclRejected = null;
        }
        else
        {
            await waf!.DisassociateWebAclAsync(alb.Arn, cancellationToken).ConfigureAwait(false);
            alb.WebAcl = null;
        }
    }

    /// <summary>ELBv2's name of a target type.</summary>
    private static string AwsTargetType(TargetType type) => type == TargetType.Ip ? "ip" : "instance";

    private void Applied(Change change)
    {
        metrics.Write(change.Operation);
        LogApplied(logger, change.Operation, change.Alb);
    }

    /// <summary>Which certificates of a refused change AWS refuses: the default one of a listener, or each of a batch tried alone.</summary>
    private async Task FindRefusedCertificatesAsync(Change change, string reason, AwsInventory inventory, ApplyOutcome outcome, CancellationToken ct)
    {
        switch (change)
        {
            case CreateListener { DefaultCertificate: { } certificate }:
                outcome.RefusedCertificates[certificate] = reason;
                break;
            case ModifyListener { DefaultCertificate: { } certificate }:
                outcome.RefusedCertificates[certificate] = reason;
                break;
            case AddListenerCertificates { Certificates.Count: 1 } add:
                outcome.RefusedCertificates[add.Certificates[0]] = reason;
                break;
            case AddListenerCertificates add:
                foreach (var certificate in add.Certificates)
                {
                    var one = new AddListenerCertificates(add.Alb, [certificate]);
                    try
                    {
                        await AddCertificatesAsync(one, inventory, ct).ConfigureAwait(false);
                        Applied(one);
                    }
                    catch (AwsServiceException e) when (Refusal.IsRefusal(e) && Refusal.IsCertificateCode(e.Code))
                    {
                        outcome.RefusedCertificates[certificate] = $"{e.Code}: {e.AwsMessage}";
                    }
                    catch (Exception e) when (e is AwsServiceException or AwsProtocolException or HttpRequestException or TimeoutException)
                    {
                        throw new ApplyException(one, e);
                    }
                }

                break;
        }
    }

    /// <summary>A target group attribute change planned before the create read what AWS gives a new group, which already matches.</summary>
    private static bool AlreadyDone(Change change, AwsInventory inventory) =>
        change is ModifyTargetGroupAttributes m && inventory.TargetGroups.TryGetValue(m.Alb, out var group)
        && Planner.Differing(m.Attributes, group.Attributes).Count == 0;

    private Task ApplyOneAsync(Change change, AwsInventory inventory, string? vpcId, CancellationToken ct) => change switch
    {
        CreateLoadBalancer c => CreateLoadBalancerAsync(c, inventory, ct),
        ModifyLoadBalancerAttributes c => ModifyAttributesAsync(c, inventory, ct),
        CreateTargetGroup c => CreateTargetGroupAsync(c, inventory, vpcId, ct),
        ModifyTargetGroup c => ModifyTargetGroupAsync(c, inventory, ct),
        ModifyTargetGroupAttributes c => ModifyTargetGroupAttributesAsync(c, inventory, ct),
        RegisterTargets c => RegisterAsync(c, inventory, ct),
        DeregisterTargets c => DeregisterAsync(c, inventory, ct),
        CreateListener c => CreateListenerAsync(c, inventory, ct),
        ModifyListener c => ModifyListenerAsync(c, inventory, ct),
        DeleteListener c => DeleteListenerAsync(c, inventory, ct),
        AddListenerCertificates c => AddCertificatesAsync(c, inventory, ct),
        RemoveListenerCertificates c => RemoveCertificatesAsync(c, inventory, ct),
        DeleteLoadBalancer c => DeleteLoadBalancerAsync(c, inventory, ct),
        DeleteTargetGroup c => DeleteTargetGroupAsync(c, inventory, ct),
        TagUnused c => TagUnusedAsync(c, inventory, ct),
        UntagUnused c => UntagUnusedAsync(c, inventory, ct),
        _ => throw new InvalidOperationException($"unknown change {change.GetType().Name}"),
    };

    private async Task CreateLoadBalancerAsync(CreateLoadBalancer c, AwsInventory inventory, CancellationToken ct)
    {
        var created = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest(c.Alb, c.Subnets)
        {
            Type = c.Group.Type,
            Scheme = c.Group.Scheme,
            IpAddressType = c.Group.IpAddressType,
            SecurityGroups = c.SecurityGroup is null ? [] : [c.SecurityGroup],
            Tags = ownership.Tags(c.Group.Hash),
        }, ct).ConfigureAwait(false);
        inventory.Albs[c.Alb] = new AlbState
        {
            Name = c.Alb, Arn = created.Arn, DnsName = created.DnsName, State = created.State, Scheme = created.Scheme,
            Type = created.Type, CreatedTime = created.CreatedTime,
            Attributes = AwsDefaults.NewAttributes(created.Type),
            WebAclKnown = true, // a new load balancer has no web ACL
        };
    }

    private async Task ModifyAttributesAsync(ModifyLoadBalancerAttributes c, AwsInventory inventory, CancellationToken ct)
    {
        var alb = inventory.Albs[c.Alb];
        var result = await elb.ModifyLoadBalancerAttributesAsync(alb.Arn, c.Attributes, ct).ConfigureAwait(false);
        foreach (var (key, value) in c.Attributes)
        {
            alb.Attributes[key] = result.GetValueOrDefault(key, value);
        }
    }

    private async Task CreateTargetGroupAsync(CreateTargetGroup c, AwsInventory inventory, string? vpcId, CancellationToken ct)
    {
        var created = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest(c.Alb, c.Protocol, options.RouterPort, vpcId ?? throw new InvalidOperationException("no VPC found: no subnets are tagged for the cluster"))
        {
            TargetType = AwsTargetType(options.TargetType),
            HealthCheck = c.HealthCheck,
            Tags = ownership.Tags(),
        }, ct).ConfigureAwait(false);
        var state = new TargetGroupState
        {
            Name = c.Alb, Arn = created.Arn, Port = created.Port ?? options.RouterPort, TargetType = created.TargetType, HealthCheck = c.HealthCheck,
        };
        inventory.TargetGroups[c.Alb] = state;

        // Read once on create, so an attribute is written only when AWS's default differs from the flag.
        foreach (var (key, value) in await elb.DescribeTargetGroupAttributesAsync(created.Arn, ct).ConfigureAwait(false))
        {
            state.Attributes[key] = value;
        }
    }

    private async Task ModifyTargetGroupAttributesAsync(ModifyTargetGroupAttributes c, AwsInventory inventory, CancellationToken ct)
    {
        var group = inventory.TargetGroups[c.Alb];
        var differing = Planner.Differing(c.Attributes, group.Attributes);
        var result = await elb.ModifyTargetGroupAttributesAsync(group.Arn, differing, ct).ConfigureAwait(false);
        foreach (var (key, value) in differing)
        {
            group.Attributes[key] = result.GetValueOrDefault(key, value);
        }
    }

    private async Task ModifyTargetGroupAsync(ModifyTargetGroup c, AwsInventory inventory, CancellationToken ct)
    {
        var group = inventory.TargetGroups[c.Alb];
        await elb.ModifyTargetGroupAsync(group.Arn, c.HealthCheck, ct).ConfigureAwait(false);
        group.HealthCheck = c.HealthCheck;
    }

    private async Task RegisterAsync(RegisterTargets c, AwsInventory inventory, CancellationToken ct)
    {
        var group = inventory.TargetGroups[c.Alb];
        foreach (var chunk in c.Targets.Chunk(200))
        {
            await elb.RegisterTargetsAsync(group.Arn, [.. chunk.Select(Target)], ct).ConfigureAwait(false);
            group.Targets.UnionWith(chunk);
        }
    }

    private async Task DeregisterAsync(DeregisterTargets c, AwsInventory inventory, CancellationToken ct)
    {
        var group = inventory.TargetGroups[c.Alb];
        foreach (var chunk in c.Targets.Chunk(200))
        {
            await elb.DeregisterTargetsAsync(group.Arn, [.. chunk.Select(Target)], ct).ConfigureAwait(false);
            group.Targets.ExceptWith(chunk);
        }
    }

    private TargetDescription Target(string id) => new(id, options.RouterPort);

    private async Task CreateListenerAsync(CreateListener c, AwsInventory inventory, CancellationToken ct)
    {
        var alb = inventory.Albs[c.Alb];
        var group = inventory.TargetGroups[c.Alb];
        var https = ListenerProtocols.IsSecure(c.Protocol);
        var created = await elb.CreateListenerAsync(new CreateListenerRequest(alb.Arn, c.Protocol, https ? 443 : 80, [Action(c.Redirect, group.Arn)])
        {
            SslPolicy = c.SslPolicy,
            DefaultCertificateArn = c.DefaultCertificate,
            Tags = ownership.Tags(),
        }, ct).ConfigureAwait(false);
        var state = new ListenerState
        {
            Arn = created.Arn, Protocol = c.Protocol, Port = created.Port, SslPolicy = c.SslPolicy, DefaultCertificate = c.DefaultCertificate,
            Action = c.Redirect ? ListenerActions.Redirect : ListenerActions.Forward, ForwardTargetGroup = c.Redirect ? null : group.Arn,
        };
        if (https)
        {
            alb.Https = state;
        }
        else
        {
            alb.Http = state;
        }
    }

    private async Task ModifyListenerAsync(ModifyListener c, AwsInventory inventory, CancellationToken ct)
    {
        var alb = inventory.Albs[c.Alb];
        var listener = (ListenerProtocols.IsSecure(c.Protocol) ? alb.Https : alb.Http) ?? throw new InvalidOperationException($"{c.Alb} has no {c.Protocol} listener");
        var groupArn = inventory.TargetGroups[c.Alb].Arn;
        await elb.ModifyListenerAsync(new ModifyListenerRequest(listener.Arn)
        {
            DefaultCertificateArn = c.DefaultCertificate,
            SslPolicy = c.SslPolicy,
            DefaultActions = c.Redirect is { } redirect ? [Action(redirect, groupArn)] : null,
        }, ct).ConfigureAwait(false);
        if (c.DefaultCertificate is { } certificate)
        {
            listener.Certificates.Remove(certificate);
            listener.DefaultCertificate = certificate;
        }

        listener.SslPolicy = c.SslPolicy ?? listener.SslPolicy;
        if (c.Redirect is { } r)
        {
            listener.Action = r ? ListenerActions.Redirect : ListenerActions.Forward;
            listener.ForwardTargetGroup = r ? null : groupArn;
        }
    }

    private async Task DeleteListenerAsync(DeleteListener c, AwsInventory inventory, CancellationToken ct)
    {
        var alb = inventory.Albs[c.Alb];
        var listener = ListenerProtocols.IsSecure(c.Protocol) ? alb.Https : alb.Http;
        if (listener is not null)
        {
            await elb.DeleteListenerAsync(listener.Arn, ct).ConfigureAwait(false);
        }

        if (ListenerProtocols.IsSecure(c.Protocol))
        {
            alb.Https = null;
        }
        else
        {
            alb.Http = null;
        }
    }

    private async Task AddCertificatesAsync(AddListenerCertificates c, AwsInventory inventory, CancellationToken ct)
    {
        var listener = inventory.Albs[c.Alb].Https!;
        await elb.AddListenerCertificatesAsync(listener.Arn, c.Certificates, ct).ConfigureAwait(false);
        listener.Certificates.UnionWith(c.Certificates);
    }

    private async Task RemoveCertificatesAsync(RemoveListenerCertificates c, AwsInventory inventory, CancellationToken ct)
    {
        var listener = inventory.Albs[c.Alb].Https!;
        await elb.RemoveListenerCertificatesAsync(listener.Arn, c.Certificates, ct).ConfigureAwait(false);
        listener.Certificates.ExceptWith(c.Certificates);
    }

    private async Task DeleteLoadBalancerAsync(DeleteLoadBalancer c, AwsInventory inventory, CancellationToken ct)
    {
        await elb.DeleteLoadBalancerAsync(inventory.Albs[c.Alb].Arn, ct).ConfigureAwait(false);
        inventory.Albs.Remove(c.Alb);
    }

    private async Task DeleteTargetGroupAsync(DeleteTargetGroup c, AwsInventory inventory, CancellationToken ct)
    {
        await elb.DeleteTargetGroupAsync(inventory.TargetGroups[c.Alb].Arn, ct).ConfigureAwait(false);
        inventory.TargetGroups.Remove(c.Alb);
    }

    private async Task TagUnusedAsync(TagUnused c, AwsInventory inventory, CancellationToken ct)
    {
        var since = UnusedSinceTag.Floor(c.Since);
        await elb.AddTagsAsync([ArnOf(c.Target, c.Alb, inventory)], new Dictionary<string, string> { [UnusedSinceTag.Key] = UnusedSinceTag.Format(since) }, ct).ConfigureAwait(false);
        SetUnusedSince(c.Target, c.Alb, inventory, since);
    }

    private async Task UntagUnusedAsync(UntagUnused c, AwsInventory inventory, CancellationToken ct)
    {
        await elb.RemoveTagsAsync([ArnOf(c.Target, c.Alb, inventory)], [UnusedSinceTag.Key], ct).ConfigureAwait(false);
        SetUnusedSince(c.Target, c.Alb, inventory, null);
    }

    private static string ArnOf(CleanupTarget target, string name, AwsInventory inventory) =>
        target == CleanupTarget.LoadBalancer ? inventory.Albs[name].Arn : inventory.TargetGroups[name].Arn;

    private static void SetUnusedSince(CleanupTarget target, string name, AwsInventory inventory, DateTimeOffset? since)
    {
        if (target == CleanupTarget.LoadBalancer)
        {
            inventory.Albs[name].UnusedSince = since;
        }
        else
        {
            inventory.TargetGroups[name].UnusedSince = since;
        }
    }

    private static ListenerActionSpec Action(bool redirect, string targetGroupArn) => redirect
        ? new ListenerActionSpec(ListenerActions.Redirect) { Redirect = new RedirectActionSpec("HTTP_301") { Protocol = ListenerProtocols.Https, Port = "443" } }
        : ListenerActionSpec.Forward(targetGroupArn);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{Operation} on {LoadBalancer}")]
    private static partial void LogApplied(ILogger logger, string operation, string loadBalancer);
}
