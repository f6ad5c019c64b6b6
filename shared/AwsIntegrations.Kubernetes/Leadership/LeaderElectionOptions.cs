namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>The elector's settings for one coordination.k8s.io/v1 Lease, with client-go's defaults (the flags are <see cref="LeaderElectionFlags"/>).</summary>
internal sealed class LeaderElectionOptions
{
    public string LeaseName { get; set; } = "";

    public string? LeaseNamespace { get; set; }

    /// <summary>Holder identity; the pod name (HOSTNAME) by default.</summary>
    public string Identity { get; set; } = Environment.GetEnvironmentVariable("HOSTNAME") ?? Environment.MachineName;

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Release the lease on graceful stop so the next replica takes over at once.</summary>
    public bool ReleaseOnCancel { get; set; } = true;

    /// <summary>client-go's JitterFactor: retries wait RetryPeriod × [1, 1.2).</summary>
    public const double JitterFactor = 1.2;

    /// <summary>The checks client-go's NewLeaderElector makes; throws with what to fix.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(LeaseName))
        {
            throw new ArgumentException("leader election needs a lease name");
        }

        if (string.IsNullOrWhiteSpace(Identity))
        {
            throw new ArgumentException("leader election needs an identity");
        }

        if (LeaseDuration <= RenewDeadline)
        {
            throw new ArgumentException($"leaseDuration ({LeaseDuration}) must be greater than renewDeadline ({RenewDeadline})");
        }

        if (RenewDeadline <= RetryPeriod * JitterFactor)
        {
            throw new ArgumentException($"renewDeadline ({RenewDeadline}) must be greater than retryPeriod*{JitterFactor} ({RetryPeriod * JitterFactor})");
        }

        if (RetryPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentException("retryPeriod must be positive");
        }
    }
}
