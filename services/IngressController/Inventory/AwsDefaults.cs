namespace AwsIntegrations.IngressController.Inventory;

/// <summary>The attributes AWS gives a new load balancer; the planner writes only what differs.</summary>
public static class AwsDefaults
{
    public const string IdleTimeout = "idle_timeout.timeout_seconds";
    public const string Http2 = "routing.http2.enabled";
    public const string DeletionProtection = "deletion_protection.enabled";
    public const string DeregistrationDelay = "deregistration_delay.timeout_seconds";
    public const string CrossZone = "load_balancing.cross_zone.enabled";
    public const string ZoneAffinity = "dns_record.client_routing_policy";
    public const string AccessLogs = "access_logs.s3.enabled";
    public const string AccessLogsBucket = "access_logs.s3.bucket";
    public const string AccessLogsPrefix = "access_logs.s3.prefix";

    public static Dictionary<string, string> NewAlbAttributes() => new(StringComparer.Ordinal)
    {
        [IdleTimeout] = "60",
        [Http2] = "true",
        [DeletionProtection] = "false",
        [AccessLogs] = "false",
        [AccessLogsBucket] = "",
        [AccessLogsPrefix] = "",
    };

    public static Dictionary<string, string> NewNlbAttributes() => new(StringComparer.Ordinal)
    {
        [DeletionProtection] = "false",
        [CrossZone] = "false",
        [ZoneAffinity] = "any_availability_zone",
        [AccessLogs] = "false",
        [AccessLogsBucket] = "",
        [AccessLogsPrefix] = "",
    };

    public static Dictionary<string, string> NewAttributes(string type) => type == LoadBalancerTypes.Network ? NewNlbAttributes() : NewAlbAttributes();
}
