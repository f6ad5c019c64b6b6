using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Metrics;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Kubernetes.Controllers;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.DnsController.Inventory;

/// <summary>
/// Keeps the view of Route 53 and ELBv2 current at the least cost: every zone and the load balancers at start, on becoming
/// leader and every --resync-interval; a stale zone alone on the next pass; zones to check again (refused to list, or
/// refused a change) once per --interval; the load balancers again when an object points at one not yet described.
/// </summary>
public sealed partial class InventoryReader(
    IRoute53Api route53, ZoneInventory zones, LoadBalancerInventory loadBalancers, ZoneFilter filter, DnsControllerOptions options,
    DnsMetrics metrics, ILogger<InventoryReader> logger, LeadershipTerm? leadership = null)
{
    private int _epoch;

    /// <param name="sources">The objects of this pass (their load balancer hostnames may be new).</param>
    /// <param name="now">The pass's time.</param>
    /// <param name="lastFullPlan">When the last full plan ran: zones to check again wait one --interval from it.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<InventoryRead> ReadAsync(IReadOnlyList<SourceObject> sources, DateTimeOffset now, DateTimeOffset? lastFullPlan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (zones.HasZonesToRecheck && lastFullPlan is { } planned && now - planned >= options.Interval)
        {
            // A policy may have been fixed, a record changed behind our back: asked again once per --interval, not on every pass.
            zones.MarkRecheckStale();
        }

        var read = await ReadZonesAsync(now, cancellationToken).ConfigureAwait(false);

        // A load balancer hostname we have not described may be a new one of ours: describe again, at most once per --interval.
        if (loadBalancers.ReadAt is { } described && now - described >= options.Interval && loadBalancers.HasUnknown(sources.SelectMany(s => s.StatusTargets)))
        {
            await loadBalancers.RefreshAsync(now, cancellationToken).ConfigureAwait(false);
        }

        return read;
    }

    private async Task<InventoryRead> ReadZonesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var epoch = leadership?.Current ?? 0;
        if (zones.NeedsFullRead(now, options.ResyncInterval) || epoch != _epoch)
        {
            _epoch = epoch;
            await zones.ReadAllAsync(route53, filter, now, cancellationToken).ConfigureAwait(false);
            metrics.ZoneRead(InventoryRead.Full);
            await loadBalancers.RefreshAsync(now, cancellationToken).ConfigureAwait(false);
            LogZonesRead(logger, zones.Zones.Count, zones.RecordCount);
            foreach (var (zoneId, reason) in zones.UnreadableZones)
            {
                LogZoneUnreadable(logger, zoneId, reason);
            }

            return InventoryRead.Full;
        }

        if (zones.StaleZones.Count == 0)
        {
            return InventoryRead.None;
        }

        metrics.ZoneRead(InventoryRead.Stale);
        await zones.ReadStaleAsync(route53, cancellationToken).ConfigureAwait(false);
        return InventoryRead.Stale;
    }

    [LoggerMessage(EventId = 3046, Level = LogLevel.Warning, Message = "Route 53 refused to list zone {ZoneId}; nothing is planned for it until the next full read: {Reason}")]
    private static partial void LogZoneUnreadable(ILogger logger, string zoneId, string reason);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Read {Zones} zones with {Records} records from Route 53")]
    private static partial void LogZonesRead(ILogger logger, int zones, int records);
}
