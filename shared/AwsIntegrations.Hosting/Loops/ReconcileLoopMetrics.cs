using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Metrics;

namespace AwsIntegrations.Hosting.Loops;

/// <summary>reconcile_runs_total{loop,result}, reconcile_duration_seconds{loop}, reconcile_last_success_timestamp_seconds{loop}.</summary>
internal sealed class ReconcileLoopMetrics
{
    private static readonly Meter SharedMeter = new(MeterNames.Hosting);
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly KeyValuePair<string, object?> _loop;
    private double _lastSuccess;

    public ReconcileLoopMetrics(string loop, IMeterFactory? meters)
    {
        var meter = meters?.Create(MeterNames.Hosting) ?? SharedMeter;
        _loop = new("loop", loop);
        _runs = meter.CreateCounter<long>("reconcile_runs", description: "Reconcile passes by loop and outcome (success, failure, error).");
        _duration = meter.CreateHistogram<double>("reconcile_duration_seconds", unit: "s", description: "Duration of reconcile passes.");
        meter.CreateObservableGauge("reconcile_last_success_timestamp_seconds", () => new Measurement<double>(Volatile.Read(ref _lastSuccess), _loop),
            unit: "s", description: "Unix time of the last successful reconcile pass.");
    }

    public void Record(string result, TimeSpan duration, DateTimeOffset now)
    {
        _runs.Add(1, _loop, new("result", result));
        _duration.Record(duration.TotalSeconds, _loop);
        if (result == "success")
        {
            Volatile.Write(ref _lastSuccess, now.ToUnixTimeMilliseconds() / 1000.0);
        }
    }
}
