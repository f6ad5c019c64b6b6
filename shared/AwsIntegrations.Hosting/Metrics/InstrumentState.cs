using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace AwsIntegrations.Hosting.Metrics;

/// <summary>The series of one instrument, keyed by label set.</summary>
/// <param name="setsValue">True when each measurement is the whole current value (gauges, observable instruments), false when it is an increment.</param>
internal sealed class InstrumentState(Instrument instrument, MetricKind kind, bool setsValue, double[]? bucketBounds)
{
    private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);

    public Instrument Instrument { get; } = instrument;

    public MetricKind Kind { get; } = kind;

    public IEnumerable<MetricSeries> Series => _series.Values;

    public void Record(double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = SeriesFor(tags);
        if (Kind == MetricKind.Histogram)
        {
            series.Observe(measurement);
        }
        else if (setsValue)
        {
            series.Set(measurement);
        }
        else
        {
            series.Add(measurement);
        }
    }

    private MetricSeries SeriesFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(tags[i].Key, Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        // The same label set must map to one series whatever order the caller passed the tags in.
        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = new StringBuilder();
        foreach (var label in labels)
        {
            key.Append(label.Key).Append('\u0001').Append(label.Value).Append('\u0002');
        }

        return _series.GetOrAdd(key.ToString(), static (_, state) => new MetricSeries(state.labels, state.bounds), (labels, bounds: bucketBounds));
    }
}
