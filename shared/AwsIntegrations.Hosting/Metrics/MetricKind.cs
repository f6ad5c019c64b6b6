namespace AwsIntegrations.Hosting.Metrics;

internal enum MetricKind
{
    /// <summary>Monotonic sum: Counter and ObservableCounter, exported with a _total suffix.</summary>
    Counter,

    /// <summary>Current value: UpDownCounter, Gauge and their observable forms.</summary>
    Gauge,

    Histogram,
}
