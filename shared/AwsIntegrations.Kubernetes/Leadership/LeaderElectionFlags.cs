using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>
/// The leader-election flags every controller shares (the names kube-ingress-aws-controller, external-dns and the Kubernetes
/// controllers use); the Lease itself is named after the service.
/// </summary>
public sealed class LeaderElectionFlags : IValidatableOptions
{
    [Flag("leader-elect", "Elect a leader through a Lease named after the service, so that only one replica writes; the others stand by.")]
    public bool LeaderElect { get; set; } = true;

    [Flag("leader-election-namespace", "Namespace of the leader election Lease.", Env = "POD_NAMESPACE")]
    public string Namespace { get; set; } = "default";

    [Flag("leader-elect-lease-duration", "How long non-leaders wait after the last renewal before taking over.")]
    [FlagRange(1, 3600)]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    [Flag("leader-elect-renew-deadline", "How long the leader tries to renew before it stops leading.")]
    [FlagRange(1, 3600)]
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    [Flag("leader-elect-retry-period", "Pause between attempts to acquire or renew the Lease.")]
    [FlagRange(0.1, 3600)]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    public FlagException? Validate()
    {
        if (LeaderElect && string.IsNullOrWhiteSpace(Namespace))
        {
            return new FlagException("--leader-election-namespace must name a namespace (or leave it unset: POD_NAMESPACE, else default)");
        }

        return LeaseDuration <= RenewDeadline || RenewDeadline <= RetryPeriod * LeaderElectionOptions.JitterFactor
            ? new FlagException("leader election needs --leader-elect-lease-duration > --leader-elect-renew-deadline > 1.2 × --leader-elect-retry-period")
            : null;
    }

    /// <summary>The elector's settings for the Lease <paramref name="leaseName"/>, held by this pod (POD_NAME, else the host name).</summary>
    public LeaderElectionOptions ForLease(string leaseName) => new()
    {
        LeaseName = leaseName,
        LeaseNamespace = Namespace,
        Identity = Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName,
        LeaseDuration = LeaseDuration,
        RenewDeadline = RenewDeadline,
        RetryPeriod = RetryPeriod,
    };
}
