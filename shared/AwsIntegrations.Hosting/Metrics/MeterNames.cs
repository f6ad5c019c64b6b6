namespace AwsIntegrations.Hosting.Metrics;

/// <summary>
/// Every instrument of the suite lives on a meter whose name starts with <see cref="Prefix"/>; the
/// /metrics exporter listens to exactly those. Instrument names are already Prometheus names in snake case
/// (<c>kube_api_calls</c> for a counter is exported as <c>kube_api_calls_total</c>;
/// <c>router_request_duration_seconds</c> for a histogram gets <c>_bucket</c>, <c>_sum</c>, <c>_count</c>).
/// </summary>
public static class MeterNames
{
    public const string Prefix = "AwsIntegrations";

    public const string Hosting = "AwsIntegrations.Hosting";
    public const string Kubernetes = "AwsIntegrations.Kubernetes";
    public const string Aws = "AwsIntegrations.Aws";
}
