namespace AwsIntegrations.Hosting.Metrics;

/// <summary>One label set of one instrument. Updates are lock-free; a scrape reads a consistent-enough snapshot.</summary>
internal sealed class MetricSeries(KeyValuePair<string, string>[] labels, double[]? bucketBounds)
{
    private readonly long[]? _bucketCounts = bucketBounds is null ? null : new long[bucketBounds.Length + 1];
    private double _value;
    private long _count;

    public KeyValuePair<string, string>[] Labels { get; } = labels;

    public double[]? BucketBounds { get; } = bucketBounds;

    public double Value => Volatile.Read(ref _value);

    public long Count => Interlocked.Read(ref _count);

    public void Add(double amount)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + amount, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);

    public void Observe(double value)
    {
        var bounds = BucketBounds!;
        var index = 0;
        while (index < bounds.Length && value > bounds[index])
        {
            index++;
        }

        Interlocked.Increment(ref _bucketCounts![index]);
        Interlocked.Increment(ref _count);
        Add(value);
    }

    /// <summary>Cumulative counts per upper bound, the last one for +Inf.</summary>
    public long[] CumulativeBuckets()
    {
        var counts = _bucketCounts!;
        var cumulative = new long[counts.Length];
        long running = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            running += Interlocked.Read(ref counts[i]);
            cumulative[i] = running;
        }

        return cumulative;
    }
}
