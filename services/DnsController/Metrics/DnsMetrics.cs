using System.Diagnostics.Metrics;
using AwsIntegrations.DnsController.Inventory;

namespace AwsIntegrations.DnsController.Metrics;

/// <summary>The controller's metrics (Route 53 calls are aws_api_calls_total{service="route53"} from the shared AWS layer).</summary>
public sealed class DnsMetrics
{
    public const string MeterName = "AwsIntegrations.DnsController";
    private static readonly Meter StaticMeter = new(MeterName);
    private readonly Counter<long> _changes;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _zoneReads;
    private long _desired;
    private long _managed;
    private double _lastSync;

    public DnsMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? StaticMeter;
        _changes = meter.CreateCounter<long>("dns_changes_applied", description: "Record changes Route 53 accepted, by action (CREATE, UPSERT, DELETE) and record type");
        _failures = meter.CreateCounter<long>("dns_failures", description: "Problems reported on objects or changes Route 53 refused, by reason");
        _zoneReads = meter.CreateCounter<long>("dns_zone_reads", description: "Zone reads from Route 53, by kind (full, stale)");
        meter.CreateObservableGauge("dns_desired_records", () => Interlocked.Read(ref _desired), description: "Records the cluster's objects ask for (TXT ownership records not counted)");
        meter.CreateObservableGauge("dns_managed_records", () => Interlocked.Read(ref _managed), description: "A, AAAA and CNAME records in the selected zones owned by this controller's owner id");
        meter.CreateObservableGauge("dns_last_sync_timestamp_seconds", () => Volatile.Read(ref _lastSync), unit: "s", description: "Unix time of the last pass that ended without errors");
    }

    public void ChangeApplied(string action, string type) => _changes.Add(1, new("action", action), new("type", type));

    public void Failure(string reason) => _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void ZoneRead(InventoryRead kind) => _zoneReads.Add(1, new KeyValuePair<string, object?>("kind", kind == InventoryRead.Full ? "full" : "stale"));

    public void Synced(long desired, long managed, DateTimeOffset at)
    {
        Interlocked.Exchange(ref _desired, desired);
        Interlocked.Exchange(ref _managed, managed);
        Volatile.Write(ref _lastSync, at.ToUnixTimeMilliseconds() / 1000.0);
    }
}
