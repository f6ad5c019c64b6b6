using System.Diagnostics;
using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Metrics;

namespace AwsIntegrations.Aws;

/// <summary>
/// aws_api_calls (exported as aws_api_calls_total) {service, operation, result} counts every HTTP attempt: that is the
/// call budget AWS sees. aws_api_call_duration_seconds times each attempt; aws_api_throttled counts throttled answers.
/// </summary>
public sealed class AwsMetrics
{
    private static readonly Meter StaticMeter = new(MeterNames.Aws);

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _throttled;

    public AwsMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterNames.Aws) ?? StaticMeter;
        _calls = meter.CreateCounter<long>("aws_api_calls", description: "AWS API requests by service, operation and result");
        _duration = meter.CreateHistogram<double>("aws_api_call_duration_seconds", unit: "s", description: "Duration of AWS API requests");
        _throttled = meter.CreateCounter<long>("aws_api_throttled", description: "AWS API requests answered with a throttling error");
    }

    /// <param name="result">success, throttled, client_error, server_error or network_error.</param>
    internal void Record(AwsService service, string operation, string result, TimeSpan duration)
    {
        var tags = new TagList { { "service", service.Name }, { "operation", operation }, { "result", result } };
        _calls.Add(1, tags);
        _duration.Record(duration.TotalSeconds, new TagList { { "service", service.Name }, { "operation", operation } });
        if (result == "throttled")
        {
            _throttled.Add(1, new TagList { { "service", service.Name }, { "operation", operation } });
        }
    }

    public static string ResultOf(string code, int statusCode) => code switch
    {
        _ when RetryClassifier.IsThrottling(code, statusCode) => "throttled",
        _ when statusCode == 0 => "network_error",
        _ when statusCode >= 500 => "server_error",
        _ => "client_error",
    };
}
