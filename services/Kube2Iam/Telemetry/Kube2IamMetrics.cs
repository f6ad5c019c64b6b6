using System.Diagnostics.Metrics;

namespace AwsIntegrations.Kube2Iam.Telemetry;

/// <summary>kube2iam_* instruments: requests by kind and result, STS calls, cache entries and hits, denials, latency.</summary>
public sealed class Kube2IamMetrics
{
    public const string MeterName = "AwsIntegrations.Kube2Iam";

    private static readonly Meter SharedMeter = new(MeterName);

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _stsCalls;
    private readonly Counter<long> _prefetchHits;
    private readonly Counter<long> _prefetchMisses;
    private readonly Counter<long> _denials;
    private readonly Counter<long> _podWaits;
    private readonly Counter<long> _duplicateIpLookups;

    public Kube2IamMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? SharedMeter;
        _requests = _meter.CreateCounter<long>("kube2iam_requests", description: "Metadata requests by kind (credentials, token, info, proxy) and result.");
        _duration = _meter.CreateHistogram<double>("kube2iam_request_duration_seconds", unit: "s", description: "Time to answer a metadata request, by kind.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5] });
        _stsCalls = _meter.CreateCounter<long>("kube2iam_sts_calls", description: "AssumeRole calls by result (success or the AWS error code).");
        _prefetchHits = _meter.CreateCounter<long>("kube2iam_prefetch_hits", description: "Credential requests answered from the cache without waiting on STS.");
        _prefetchMisses = _meter.CreateCounter<long>("kube2iam_prefetch_misses", description: "Credential requests that had to wait for STS.");
        _denials = _meter.CreateCounter<long>("kube2iam_denials", description: "Requests refused, by reason.");
        _podWaits = _meter.CreateCounter<long>("kube2iam_pod_lookup_waits", description: "Requests that waited for their pod to appear, by outcome (found, timeout).");
        _duplicateIpLookups = _meter.CreateCounter<long>("kube2iam_duplicate_ip_lookups",
            description: "API server lookups for an IP two cached pods claim (--resolve-duplicate-cache-ips), by outcome (resolved, unresolved, error).");
    }

    public void Request(string kind, string result, TimeSpan elapsed)
    {
        _requests.Add(1, new("kind", kind), new("result", result));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));
    }

    public void StsCall(string result) => _stsCalls.Add(1, new KeyValuePair<string, object?>("result", result));

    public void CacheLookup(bool hit)
    {
        if (hit)
        {
            _prefetchHits.Add(1);
        }
        else
        {
            _prefetchMisses.Add(1);
        }
    }

    public void Denied(string reason) => _denials.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void PodWait(string outcome) => _podWaits.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void DuplicateIpLookup(string outcome) => _duplicateIpLookups.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ObserveCacheEntries(Func<int> count) =>
        _meter.CreateObservableGauge("kube2iam_credential_cache_entries", count, description: "Role sessions held in the credential cache.");
}
