using AwsIntegrations.Aws;
using AwsIntegrations.IngressController.Ingresses;
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
            Protocol = options.TargetHttps ? ListenerProtocols.Https : ListenerProtocols.Http,
            Port = options.HealthCheckPort == 0 || options.HealthCheckPort == options.RouterPort ? "traffic-port" : options.HealthCheckPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Path = options.HealthCheckPath,
            IntervalSeconds = (int)options.HealthCheckInterval.TotalSeconds,
            TimeoutSeconds = (int)options.HealthCheckTimeout.TotalSeconds,
            HealthyThresholdCount = options.HealthyThreshold,
            UnhealthyThresholdCount = options.UnhealthyThreshold,
        })
        {
            DeregistrationDelaySeconds = (int)options.DeregistrationDelay.TotalSeconds,
            TargetHttps = options.TargetHttps,
            NlbCrossZone = options.NlbCrossZone,
            NlbZoneAffinity = options.NlbZoneAffinity,
            NlbHttpEnabled = options.NlbHttpEnabled,
            NlbHealthyThreshold = options.NlbHealthyThreshold,
            AccessLogsBucket = string.IsNullOrWhiteSpace(options.LogsS3Bucket) ? null : options.LogsS3Bucket,
            AccessLogsPrefix = options.LogsS3Prefix ?? "",
        };
    }

    /// <summary>deregistration_delay.timeout_seconds of the target groups.</summary>
    public int DeregistrationDelaySeconds { get; init; } = 300;

    /// <summary>Application Load Balancers reach the router over HTTPS.</summary>
    public bool TargetHttps { get; init; }

    public bool NlbCrossZone { get; init; }

    public string NlbZoneAffinity { get; init; } = "any_availability_zone";

    /// <summary>Network Load Balancers also get a TCP:80 listener.</summary>
    public bool NlbHttpEnabled { get; init; }

    public int NlbHealthyThreshold { get; init; } = 3;

    /// <summary>S3 bucket of the access logs; null: access log attributes are left as they are.</summary>
    public string? AccessLogsBucket { get; init; }

    public string AccessLogsPrefix { get; init; } = "";

    public Dictionary<string, string> TargetGroupAttributes() => new(StringComparer.Ordinal)
    {
        [AwsDefaults.DeregistrationDelay] = DeregistrationDelaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The target group protocol: TCP behind a Network Load Balancer, HTTP or HTTPS (--target-https) behind an Application one.</summary>
    public string TargetProtocol(GroupKey group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.IsNetwork ? ListenerProtocols.Tcp : TargetHttps ? ListenerProtocols.Https : ListenerProtocols.Http;
    }

    /// <summary>
    /// The health check: the flags' behind an Application Load Balancer; behind a Network Load Balancer an HTTP check on the
    /// same path and port with equal healthy and unhealthy thresholds and AWS's timeout (kube-ingress-aws-controller's
    /// aws/cf_template.go newTargetGroup).
    /// </summary>
    public TargetGroupHealthCheck HealthCheckFor(GroupKey group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.IsNetwork
            ? HealthCheck with { Protocol = ListenerProtocols.Http, TimeoutSeconds = null, HealthyThresholdCount = NlbHealthyThreshold, UnhealthyThresholdCount = NlbHealthyThreshold }
            : HealthCheck;
    }

    public Dictionary<string, string> Attributes(GroupKey group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AwsDefaults.DeletionProtection] = DeletionProtection ? "true" : "false",
        };
        if (group.IsNetwork)
        {
            attributes[AwsDefaults.CrossZone] = NlbCrossZone ? "true" : "false";
            attributes[AwsDefaults.ZoneAffinity] = NlbZoneAffinity;
        }
        else
        {
            attributes[AwsDefaults.IdleTimeout] = IdleTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            attributes[AwsDefaults.Http2] = group.Http2 ? "true" : "false";
        }

        if (AccessLogsBucket is not null)
        {
            attributes[AwsDefaults.AccessLogs] = "true";
            attributes[AwsDefaults.AccessLogsBucket] = AccessLogsBucket;
            attributes[AwsDefaults.AccessLogsPrefix] = AccessLogsPrefix;
        }

        return attributes;
    }
}
