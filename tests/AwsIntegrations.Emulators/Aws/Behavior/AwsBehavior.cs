namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// How the emulated account behaves over time. The defaults follow AWS's documented timing, limits and errors (each
/// setting says which page), scaled down to seconds where AWS takes minutes; a test that wants instant answers asks for
/// them explicitly with <see cref="Instant"/> or by setting one value. The emulator's README lists every setting.
/// </summary>
public sealed class AwsBehavior
{
    /// <summary>
    /// How long a new load balancer reports <c>provisioning</c> before <c>active</c>. AWS: "a few minutes"
    /// (ELB user guide, "Create an Application Load Balancer"); here a few seconds.
    /// </summary>
    public TimeSpan LoadBalancerProvisioning { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a new load balancer is missing from DescribeLoadBalancers (LoadBalancerNotFound by ARN or name). AWS
    /// ships the LoadBalancerExists waiter (botocore elbv2 waiters-2.json) because a load balancer just created may not be
    /// described yet.
    /// </summary>
    public TimeSpan LoadBalancerVisibility { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The length of one health-check interval. A registered target is <c>initial</c> until its load balancer is active
    /// and it has passed HealthyThresholdCount checks, one per interval (ELB user guide, "Health checks for your target
    /// groups"). Null: the target group's own HealthCheckIntervalSeconds, as on AWS; the default keeps the count and
    /// makes each interval 0.2 s, so the IngressController's 5 checks take 1 s instead of 50 s.
    /// </summary>
    public TimeSpan? HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(0.2);

    /// <summary>
    /// How long a deregistered target stays <c>draining</c> before it is gone. Null: the target group's
    /// deregistration_delay.timeout_seconds attribute (default 300 s), as on AWS.
    /// </summary>
    public TimeSpan? DeregistrationDelay { get; set; }

    /// <summary>How long a Route 53 change stays PENDING before INSYNC. AWS: "generally within 60 seconds" (GetChange).</summary>
    public TimeSpan ChangePropagation { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a requested (DNS-validated) ACM certificate waits, once every validation CNAME is in a hosted zone of the
    /// account, before ACM issues it. AWS: validation "can take up to 30 minutes" after the record is in place.
    /// </summary>
    public TimeSpan CertificateValidation { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Request-rate throttling per account and operation, at the rates AWS publishes (<see cref="RequestThrottle"/>).</summary>
    public bool Throttling { get; set; } = true;

    /// <summary>Everything at once and no throttling: for tests that are about something else and say so.</summary>
    public static AwsBehavior Instant() => new()
    {
        LoadBalancerProvisioning = TimeSpan.Zero,
        LoadBalancerVisibility = TimeSpan.Zero,
        HealthCheckInterval = TimeSpan.Zero,
        DeregistrationDelay = TimeSpan.Zero,
        ChangePropagation = TimeSpan.Zero,
        CertificateValidation = TimeSpan.Zero,
        Throttling = false,
    };

    /// <summary>Makes this instance behave like <see cref="Instant"/> (the state keeps one instance; handlers read it live).</summary>
    public void MakeInstant() => CopyFrom(Instant());

    public void CopyFrom(AwsBehavior other)
    {
        ArgumentNullException.ThrowIfNull(other);
        LoadBalancerProvisioning = other.LoadBalancerProvisioning;
        LoadBalancerVisibility = other.LoadBalancerVisibility;
        HealthCheckInterval = other.HealthCheckInterval;
        DeregistrationDelay = other.DeregistrationDelay;
        ChangePropagation = other.ChangePropagation;
        CertificateValidation = other.CertificateValidation;
        Throttling = other.Throttling;
    }
}
