using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Sources;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.DnsController.Inventory;

/// <summary>
/// Alias targets for load balancer hostnames. Load balancers DescribeLoadBalancers returns (this account's) give their
/// own canonical hosted zone id and IP address type; other ELB hostnames fall back to the per-region table.
/// </summary>
public sealed partial class LoadBalancerInventory(IElbV2Api elb, ILogger<LoadBalancerInventory> logger)
{
    private Dictionary<string, LoadBalancerDescription> _known = new(StringComparer.OrdinalIgnoreCase);

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>Changes whenever the known load balancers change, so records built from older knowledge are rebuilt.</summary>
    public int Version { get; private set; }

    public async Task RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        ReadAt = now;
        try
        {
            var loadBalancers = await elb.DescribeLoadBalancersAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Version++;
            _known = loadBalancers.GroupBy(l => DnsNames.Normalize(l.DnsName)).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        }
        catch (AwsServiceException failed)
        {
            LogDescribeFailed(logger, failed.Message);
        }
    }

    /// <summary>True when some ELB hostname is not among the load balancers last described (a new load balancer, maybe ours).</summary>
    public bool HasUnknown(IEnumerable<string> hostnames) =>
        hostnames.Any(h => CanonicalHostedZones.For(h) is not null && !_known.ContainsKey(Bare(h)));

    public AliasTarget? For(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        var dualstackName = DnsNames.Normalize(hostname).StartsWith("dualstack.", StringComparison.Ordinal);
        if (_known.TryGetValue(Bare(hostname), out var lb))
        {
            return new AliasTarget(lb.CanonicalHostedZoneId, dualstackName || (lb.IpAddressType?.StartsWith("dualstack", StringComparison.Ordinal) ?? false));
        }

        return CanonicalHostedZones.For(hostname) is { } zoneId ? new AliasTarget(zoneId, dualstackName) : null;
    }

    private static string Bare(string hostname)
    {
        var name = DnsNames.Normalize(hostname);
        return name.StartsWith("dualstack.", StringComparison.Ordinal) ? name["dualstack.".Length..] : name;
    }

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "DescribeLoadBalancers failed, alias zone ids come from the region table: {Error}")]
    private static partial void LogDescribeFailed(ILogger logger, string error);
}
