using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>Leader election on a coordination.k8s.io/v1 Lease, with client-go's (and kube-controller-manager's) defaults and flag names.</summary>
public sealed class LeaderElectionOptions
{
    [Flag("leader-elect-resource-name", "Name of the Lease object used as the lock.", Aliases = ["leader-configmap"])]
    public string LeaseName { get; set; } = "";

    [Flag("leader-elect-resource-namespace", "Namespace of the Lease; empty: the pod's own namespace.", Aliases = ["leader-namespace"])]
    public string? LeaseNamespace { get; set; }

    /// <summary>Holder identity; the pod name (HOSTNAME) by default.</summary>
    [Flag("leader-elect-identity", "Identity written into the Lease; empty: the pod name.", Env = "POD_NAME")]
    public string Identity { get; set; } = Environment.GetEnvironmentVariable("HOSTNAME") ?? Environment.MachineName;

    [Flag("leader-elect-lease-duration", "How long non-leaders wait after the last observed renewal before taking over.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    [Flag("leader-elect-renew-deadline", "How long the leader keeps trying to renew before it gives up leading.")]
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(10);

    [Flag("leader-elect-retry-period", "Pause between attempts to acquire or renew.")]
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
            throw new ArgumentException("leader election needs a lease name (--leader-elect-resource-name)");
        }

        if (string.IsNullOrWhiteSpace(Identity))
        {
            throw new ArgumentException("leader election needs an identity (--leader-elect-identity or POD_NAME)");
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
