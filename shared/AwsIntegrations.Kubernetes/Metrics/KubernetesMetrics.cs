using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Metrics;

namespace AwsIntegrations.Kubernetes.Metrics;

/// <summary>kube_api_calls_total{verb,resource,code} and kube_api_call_duration_seconds{verb,resource}: the API call budget.</summary>
internal sealed class KubernetesMetrics
{
    private static readonly Meter SharedMeter = new(MeterNames.Kubernetes);

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    public KubernetesMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterNames.Kubernetes) ?? SharedMeter;
        _calls = meter.CreateCounter<long>("kube_api_calls", description: "Kubernetes API requests by verb, resource and HTTP status code.");
        _duration = meter.CreateHistogram<double>(
            "kube_api_call_duration_seconds",
            unit: "s",
            description: "Kubernetes API request latency, until the response headers (for a watch: until it is open).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Record(string verb, string resource, string code, TimeSpan duration)
    {
        _calls.Add(1, new("verb", verb), new("resource", resource), new("code", code));
        _duration.Record(duration.TotalSeconds, new("verb", verb), new("resource", resource));
    }
}
