using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Options;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>What every load balancer and target group gets from the flags.</summary>
public sealed record LoadBalancerSettings(int IdleTimeoutSeconds, bool DeletionProtection, int MaxCertificates, TimeSpan CleanupGrace, TargetGroupHealthCheck HealthCheck)
{
    public static LoadBalancerSettings From(IngressControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new((int)options.IdleTimeout.TotalSeconds, options.DeletionProtection, options.MaxCertsPerAlb, options.CleanupGrace, new TargetGroupHealthCheck
        {
            Protocol = "HTTP",
            Port = "traffic-port",
            Path = options.HealthCheckPath,
            IntervalSeconds = (int)options.HealthCheckInterval.TotalSeconds,
            TimeoutSeconds = (int)options.HealthCheckTimeout.TotalSeconds,
            HealthyThresholdCount = options.HealthyThreshold,
            UnhealthyThresholdCount = options.UnhealthyThreshold,
        })
        {
            DeregistrationDelaySeconds = (int)options.DeregistrationDelay.TotalSeconds,
        };
    }

    /// <summary>deregistration_delay.timeout_seconds of the target groups.</summary>
    public int DeregistrationDelaySeconds { get; init; } = 300;

    public Dictionary<string, string> TargetGroupAttributes() => new(StringComparer.Ordinal)
    {
        [AwsDefaults.DeregistrationDelay] = DeregistrationDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public Dictionary<string, string> Attributes(bool http2) => new(StringComparer.Ordinal)
    {
        [AwsDefaults.IdleTimeout] = IdleTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [AwsDefaults.Http2] = http2 ? "true" : "false",
        [AwsDefaults.DeletionProtection] = DeletionProtection ? "true" : "false",
    };
}
