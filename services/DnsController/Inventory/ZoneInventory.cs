using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Apply;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Inventory;

/// <summary>
/// The controller's view of Route 53: the selected zones and their records, read in full every --resync-interval and
/// otherwise kept current by applying our own successful changes to it. A zone whose state became uncertain (a call
/// failed mid-way) is re-read alone on the next pass; a zone Route 53 refused a change batch for, which may mean the view
/// is out of date, is re-read alone at the next --interval.
/// </summary>
public sealed class ZoneInventory
{
    // zone id → record name (normalised) → the record sets at that name
    private readonly Dictionary<string, Dictionary<string, List<Route53RecordSet>>> _records = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stale = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _suspect = new(StringComparer.Ordinal);

    public IReadOnlyList<Zone> Zones { get; private set; } = [];

    public DateTimeOffset? ReadAt { get; private set; }

    public IReadOnlyCollection<string> StaleZones => _stale;

    /// <summary>
    /// Zones Route 53 refused to list (zone id → its answer): an IAM policy that does not cover the zone, or a zone deleted
    /// since it was listed. They stay selected, so their names go nowhere else, but nothing is planned for them until a
    /// full read succeeds; the other zones are read and written as usual.
    /// </summary>
    public IReadOnlyDictionary<string, string> UnreadableZones => _unreadable;

    public bool NeedsFullRead(DateTimeOffset now, TimeSpan resyncInterval) => ReadAt is not { } readAt || now - readAt >= resyncInterval;

    public void Invalidate() => ReadAt = null;

    public void MarkStale(string zoneId) => _stale.Add(zoneId);

    /// <summary>Route 53 refused a change in the zone, perhaps because the view is out of date: it is read again at the next --interval.</summary>
    public void MarkSuspect(string zoneId) => _suspect.Add(zoneId);

    /// <summary>Marks stale, for the next pass, the zones to ask again once per --interval: those Route 53 refused to list, and the suspect ones.</summary>
    public void MarkRecheckStale()
    {
        _stale.UnionWith(_unreadable.Keys);
        _stale.UnionWith(_suspect);
        _suspect.Clear();
    }

    public bool HasZonesToRecheck => _unreadable.Count > 0 || _suspect.Count > 0;

    public async Task ReadAllAsync(IRoute53Api route53, ZoneFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route53);
        ArgumentNullException.ThrowIfNull(filter);
        var zones = (await route53.ListHostedZonesAsync(cancellationToken).ConfigureAwait(false))
            .Select(z => new Zone(z.Id, DnsNames.Normalize(z.Name), z.PrivateZone))
            .Where(filter.Accepts)
            .ToList();
        _records.Clear();
        _stale.Clear();
        _unreadable.Clear();
        _suspect.Clear();
        foreach (var zone in zones)
        {
            await ReadZoneAsync(route53, zone.Id, cancellationToken).ConfigureAwait(false);
        }

        Zones = zones;
        ReadAt = now;
    }

    public async Task ReadStaleAsync(IRoute53Api route53, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route53);
        foreach (var zoneId in _stale.ToList())
        {
            await ReadZoneAsync(route53, zoneId, cancellationToken).ConfigureAwait(false);
            _stale.Remove(zoneId);
        }
    }

    public IReadOnlyList<Route53RecordSet> Records(string zoneId) =>
        _records.TryGetValue(zoneId, out var records) ? [.. records.Values.SelectMany(r => r)] : [];

    /// <summary>The record sets at the given names only (for a plan that concerns a few names).</summary>
    public IReadOnlyList<Route53RecordSet> Records(string zoneId, IEnumerable<string> names) =>
        _records.TryGetValue(zoneId, out var records) ? [.. names.Distinct().SelectMany(n => records.GetValueOrDefault(n) ?? [])] : [];

    public int RecordCount => _records.Values.Sum(z => z.Values.Sum(r => r.Count));

    /// <summary>Applies a change group Route 53 accepted (the batch is atomic, so all of it happened).</summary>
    public void Apply(ChangeGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!_records.TryGetValue(group.ZoneId, out var records))
        {
            return;
        }

        foreach (var change in group.Changes)
        {
            var name = DnsNames.FromRoute53(change.RecordSet.Name);
            if (!records.TryGetValue(name, out var atName))
            {
                records[name] = atName = [];
            }

            atName.RemoveAll(r => r.Type == change.RecordSet.Type && r.SetIdentifier == change.RecordSet.SetIdentifier);
            if (change.Action != ChangeAction.Delete)
            {
                atName.Add(change.RecordSet with { Name = DnsNames.Fqdn(change.RecordSet.Name) });
            }
        }
    }

    private async Task ReadZoneAsync(IRoute53Api route53, string zoneId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Route53RecordSet> records;
        try
        {
            records = await route53.ListResourceRecordSetsAsync(zoneId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException refused) when (Route53Errors.RefusesZone(refused.Code))
        {
            _records.Remove(zoneId);
            _unreadable[zoneId] = $"{refused.Code}: {refused.AwsMessage}";
            return;
        }

        _unreadable.Remove(zoneId);
        _records[zoneId] = records.GroupBy(r => DnsNames.FromRoute53(r.Name)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }
}
