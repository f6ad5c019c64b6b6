using System.Diagnostics;
using System.Diagnostics.Metrics;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Metrics;

/// <summary>The Router's instruments (meter AwsIntegrations.Router); per-route series are labelled ingress, host and path.</summary>
public sealed class RouterMetrics
{
    public const string MeterName = "AwsIntegrations.Router";

    private static readonly KeyValuePair<string, object?>[] NoRoute = [new("ingress", ""), new("host", ""), new("path", "")];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _connectFailures;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _buildDuration;

    public RouterMetrics(IMeterFactory meters, RouteTableHolder tables)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("router_requests", description: "Requests by route and status class (2xx, 3xx, 4xx, 5xx).");
        _duration = meter.CreateHistogram<double>("router_request_duration_seconds", "s", "Time from request start to the end of the response, by route.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _connectFailures = meter.CreateCounter<long>("router_upstream_connect_failures", description: "Connections to an endpoint that failed before anything was sent, by route.");
        _retries = meter.CreateCounter<long>("router_retries", description: "Requests sent again to another endpoint after a connection failure, by route.");
        _buildDuration = meter.CreateHistogram<double>("router_route_table_build_duration_seconds", "s", "Time to build the route table from the caches.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        meter.CreateObservableGauge("router_routes", () => tables.Current.RouteCount, description: "Routes in the current table.");
        meter.CreateObservableGauge("router_route_table_last_update_timestamp_seconds",
            () => tables.LastUpdate.ToUnixTimeMilliseconds() / 1000.0, "s", "When the current route table was swapped in (Unix time).");
    }

    public void Request(Route? route, int status, double seconds)
    {
        var tags = route?.Tags ?? NoRoute;
        var withClass = new TagList(tags) { { "code", StatusClass(status) } };
        _requests.Add(1, withClass);
        _duration.Record(seconds, new TagList(tags));
    }

    public void ConnectFailure(Route route) => _connectFailures.Add(1, new TagList(route.Tags));

    public void Retry(Route route) => _retries.Add(1, new TagList(route.Tags));

    public void Built(double seconds) => _buildDuration.Record(seconds);

    private static string StatusClass(int status) => status switch
    {
        < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };
}
