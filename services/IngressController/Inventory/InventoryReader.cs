using AwsIntegrations.Aws;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// Reads what we own in ELBv2: load balancers (application and network) and target groups whose names carry our prefix and whose tags say they are
/// ours (both ownership tags), with listeners, listener certificates, attributes and registered targets.
/// </summary>
public sealed class InventoryReader(IElbV2Api elb, Ownership ownership)
{
    public async Task<AwsInventory> ReadAsync(CancellationToken cancellationToken)
    {
        var inventory = new AwsInventory();
        var candidates = (await elb.DescribeLoadBalancersAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .Where(l => ownership.Parse(l.Name) is not null && l.Type is LoadBalancerTypes.Application or LoadBalancerTypes.Network).ToList();
        var groups = (await elb.DescribeTargetGroupsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .Where(g => ownership.Parse(g.Name) is not null).ToList();
        var arns = candidates.Select(c => c.Arn).Concat(groups.Select(g => g.Arn)).ToList();
        var tags = arns.Count == 0
            ? new Dictionary<string, IReadOnlyDictionary<string, string>>()
            : await elb.DescribeTagsAsync(arns, cancellationToken).ConfigureAwait(false);
        bool Owned(string arn) => tags.TryGetValue(arn, out var t) && ownership.IsOwned(t);

        foreach (var group in groups.Where(g => Owned(g.Arn)))
        {
            inventory.TargetGroups[group.Name] = await ReadTargetGroupAsync(group, tags[group.Arn], cancellationToken).ConfigureAwait(false);
        }

        foreach (var lb in candidates.Where(c => Owned(c.Arn)))
        {
            inventory.Albs[lb.Name] = await ReadLoadBalancerAsync(lb, tags[lb.Arn], cancellationToken).ConfigureAwait(false);
        }

        return inventory;
    }

    private async Task<TargetGroupState> ReadTargetGroupAsync(TargetGroupDescription group, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var health = await elb.DescribeTargetHealthAsync(group.Arn, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new TargetGroupState
        {
            Name = group.Name,
            Arn = group.Arn,
            UnusedSince = UnusedSinceTag.Parse(tags),
            Port = group.Port ?? 0,
            TargetType = group.TargetType,
            HealthCheck = group.HealthCheck,
            Targets = health.Where(h => h.State != "draining").Select(h => h.Target.Id).ToHashSet(StringComparer.Ordinal),
            Attributes = new Dictionary<string, string>(await elb.DescribeTargetGroupAttributesAsync(group.Arn, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal),
        };
    }

    /// <summary>A load balancer with its attributes and its HTTPS/TLS:443 and HTTP/TCP:80 listeners.</summary>
    private async Task<AlbState> ReadLoadBalancerAsync(LoadBalancerDescription lb, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var state = new AlbState
        {
            Name = lb.Name,
            Arn = lb.Arn,
            UnusedSince = UnusedSinceTag.Parse(tags),
            DnsName = lb.DnsName,
            State = lb.State,
            Scheme = lb.Scheme,
            Type = lb.Type,
            CreatedTime = lb.CreatedTime,
            Attributes = new Dictionary<string, string>(await elb.DescribeLoadBalancerAttributesAsync(lb.Arn, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal),
        };
        foreach (var listener in await elb.DescribeListenersAsync(lb.Arn, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var read = await ReadListenerAsync(listener, cancellationToken).ConfigureAwait(false);
            if (ListenerProtocols.IsSecure(listener.Protocol) && listener.Port == 443)
            {
                state.Https = read;
            }
            else if (listener.Protocol is ListenerProtocols.Http or ListenerProtocols.Tcp && listener.Port == 80)
            {
                state.Http = read;
            }
        }

        return state;
    }

    /// <summary>Reads the state of just these load balancers again (one DescribeLoadBalancers by ARN).</summary>
    public async Task RefreshStatesAsync(IReadOnlyCollection<AlbState> albs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(albs);
        var byArn = albs.ToDictionary(a => a.Arn, StringComparer.Ordinal);
        foreach (var described in await elb.DescribeLoadBalancersAsync([.. byArn.Keys], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (byArn.TryGetValue(described.Arn, out var alb))
            {
                alb.State = described.State;
            }
        }
    }

    private async Task<ListenerState> ReadListenerAsync(ListenerDescription listener, CancellationToken cancellationToken)
    {
        var action = listener.DefaultActions.OrderBy(a => a.Order ?? 0).FirstOrDefault();
        var state = new ListenerState
        {
            Arn = listener.Arn,
            Protocol = listener.Protocol,
            Port = listener.Port,
            SslPolicy = listener.SslPolicy,
            Action = action?.Type ?? ListenerActions.Forward,
            ForwardTargetGroup = action?.TargetGroupArn,
            DefaultCertificate = listener.Certificates.FirstOrDefault()?.CertificateArn,
        };
        if (ListenerProtocols.IsSecure(listener.Protocol))
        {
            foreach (var certificate in await elb.DescribeListenerCertificatesAsync(listener.Arn, cancellationToken).ConfigureAwait(false))
            {
                if (certificate.IsDefault)
                {
                    state.DefaultCertificate = certificate.CertificateArn;
                }
                else
                {
                    state.Certificates.Add(certificate.CertificateArn);
                }
            }
        }

        return state;
    }
}
