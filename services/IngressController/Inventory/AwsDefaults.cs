namespace AwsIntegrations.IngressController.Inventory;

/// <summary>The attributes AWS gives a new Application Load Balancer; the planner writes only what differs.</summary>
public static class AwsDefaults
{
    public const string IdleTimeout = "idle_timeout.timeout_seconds";
    public const string Http2 = "routing.http2.enabled";
    public const string DeletionProtection = "deletion_protection.enabled";
    public const string DeregistrationDelay = "deregistration_delay.timeout_seconds";

    public static Dictionary<string, string> NewAlbAttributes() => new(StringComparer.Ordinal)
    {
        [IdleTimeout] = "60",
        [Http2] = "true",
        [DeletionProtection] = "false",
    };
}
