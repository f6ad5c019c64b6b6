using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Metrics;

namespace AwsIntegrations.NodeGate.Metrics;

/// <summary>
/// nodegate_nodes_waiting, nodegate_time_to_ready_seconds{release="ready|forced"}, nodegate_forced_releases_total,
/// nodegate_releases_total{release}.
/// </summary>
public sealed class NodeGateMetrics
{
    public const string MeterName = MeterNames.Prefix + ".NodeGate";

    private static readonly Meter SharedMeter = new(MeterName);
    private readonly Histogram<double> _timeToReady;
    private readonly Counter<long> _forced;
    private readonly Counter<long> _releases;
    private int _waiting;

    public NodeGateMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? SharedMeter;
        meter.CreateObservableGauge("nodegate_nodes_waiting", () => Volatile.Read(ref _waiting),
            description: "Nodes carrying the startup taint while their DaemonSets are not all Ready.");
        _timeToReady = meter.CreateHistogram("nodegate_time_to_ready_seconds", unit: "s",
            description: "From node creation to the removal of its startup taint, by release (ready, forced).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 20, 30, 45, 60, 90, 120, 180, 240, 300, 450, 600, 900, 1200, 1800] });
        _forced = meter.CreateCounter<long>("nodegate_forced_releases",
            description: "Startup taints removed because --max-wait ran out while DaemonSets were still not Ready.");
        _releases = meter.CreateCounter<long>("nodegate_releases",
            description: "Startup taints removed, by release (ready, forced, again).");
    }

    public void SetWaiting(int nodes) => Volatile.Write(ref _waiting, nodes);

    public void Released(string release, TimeSpan? sinceCreation)
    {
        _releases.Add(1, new KeyValuePair<string, object?>("release", release));
        if (release == "forced")
        {
            _forced.Add(1);
        }

        if (sinceCreation is { } elapsed)
        {
            _timeToReady.Record(Math.Max(0, elapsed.TotalSeconds), new KeyValuePair<string, object?>("release", release));
        }
    }
}
