using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AwsIntegrations.Hosting.Metrics;

/// <summary>The series of one instrument, keyed by label set.</summary>
internal sealed class InstrumentState
{
    private readonly ConcurrentDictionary<LabelSet, MetricSeries> _series = new(LabelSetComparer.Instance);
    private readonly ConcurrentDictionary<LabelSet, MetricSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _lookup;
    private readonly bool _setsValue;
    private readonly double[]? _bucketBounds;

    /// <param name="setsValue">True when each measurement is the whole current value (gauges, observable instruments), false when it is an increment.</param>
    public InstrumentState(Instrument instrument, MetricKind kind, bool setsValue, double[]? bucketBounds)
    {
        Instrument = instrument;
        Kind = kind;
        _setsValue = setsValue;
        _bucketBounds = bucketBounds;
        _lookup = _series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    public IEnumerable<MetricSeries> Series => _series.Values;

    public void Record(double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = SeriesFor(tags);
        if (Kind == MetricKind.Histogram)
        {
            series.Observe(measurement);
        }
        else if (_setsValue)
        {
            series.Set(measurement);
        }
        else
        {
            series.Add(measurement);
        }
    }

    private MetricSeries SeriesFor(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _lookup.TryGetValue(tags, out var series)
            ? series
            : _series.GetOrAdd(LabelSet.From(tags), static (labels, bounds) => new MetricSeries(labels.Labels, bounds), _bucketBounds);
}
