using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AwsIntegrations.Hosting.Metrics;

/// <summary>
/// Listens to the suite's System.Diagnostics.Metrics instruments (meters named <see cref="MeterNames.Prefix"/>*) and keeps
/// their current values for the Prometheus exporter. Meters created by another host's <see cref="IMeterFactory"/> are ignored,
/// so several hosts in one test process do not see each other's figures.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>Prometheus' default buckets, used when an instrument gives no advice.</summary>
    public static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<Instrument, InstrumentState> _states = new();
    private readonly MeterListener _listener = new();
    private readonly object _scrapeGate = new();

    public MetricsCollector(IMeterFactory? scope = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            var meter = instrument.Meter;
            if (!meter.Name.StartsWith(MeterNames.Prefix, StringComparison.Ordinal) ||
                (meter.Scope is not null && !ReferenceEquals(meter.Scope, scope)))
            {
                return;
            }

            var state = _states.GetOrAdd(instrument, Describe);
            listener.EnableMeasurementEvents(instrument, state);
        };
        _listener.MeasurementsCompleted = (instrument, state) => _states.TryRemove(instrument, out var removed);
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentState)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentState)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Collects observable instruments and returns every instrument's state, in a stable order.</summary>
    internal IReadOnlyList<InstrumentState> Snapshot()
    {
        lock (_scrapeGate)
        {
            _listener.RecordObservableInstruments();
            return _states.Values.OrderBy(s => s.Instrument.Name, StringComparer.Ordinal).ToList();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static InstrumentState Describe(Instrument instrument)
    {
        var type = instrument.GetType();
        var name = type.IsGenericType ? type.GetGenericTypeDefinition().Name : type.Name;
        return name switch
        {
            "Counter`1" => new InstrumentState(instrument, MetricKind.Counter, setsValue: false, null),
            "ObservableCounter`1" => new InstrumentState(instrument, MetricKind.Counter, setsValue: true, null),
            "UpDownCounter`1" => new InstrumentState(instrument, MetricKind.Gauge, setsValue: false, null),
            "Histogram`1" => new InstrumentState(instrument, MetricKind.Histogram, setsValue: false, BucketsOf(instrument)),
            _ => new InstrumentState(instrument, MetricKind.Gauge, setsValue: true, null),
        };
    }

    private static double[] BucketsOf(Instrument instrument)
    {
        var advice = instrument.GetType().GetProperty("Advice")?.GetValue(instrument);
        var bounds = advice?.GetType().GetProperty("HistogramBucketBoundaries")?.GetValue(advice) as System.Collections.IEnumerable;
        var list = bounds?.Cast<object>().Select(Convert.ToDouble).ToArray();
        return list is { Length: > 0 } ? list : DefaultBuckets;
    }
}
