using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>
/// The leader-election flags every controller shares (the names kube-ingress-aws-controller, external-dns and the Kubernetes
/// controllers use, with kube-controller-manager's and nidhogg's spellings as aliases); the Lease is named after the service
/// unless --leader-elect-resource-name names it.
/// </summary>
public sealed class LeaderElectionFlags : IValidatableOptions
{
    [Flag("leader-elect", "Elect a leader through a Lease named after the service, so that only one replica writes; the others stand by.", Aliases = ["leader-election"])]
    public bool LeaderElect { get; set; } = true;

    [Flag("leader-election-namespace", "Namespace of the leader election Lease.", Env = "POD_NAMESPACE", Aliases = ["leader-elect-resource-namespace", "leader-namespace"])]
    public string Namespace { get; set; } = "default";

    [Flag("leader-elect-resource-name", "Name of the Lease used as the lock; empty: the service's name.", Aliases = ["leader-configmap"])]
    public string LeaseName { get; set; } = "";

    [Flag("leader-elect-identity", "Identity written into the Lease; empty: the pod's name (the host name).", Env = "POD_NAME")]
    public string Identity { get; set; } = "";

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

    /// <summary>The elector's settings for the Lease (<paramref name="defaultLeaseName"/> unless --leader-elect-resource-name is set), held by this pod.</summary>
    internal LeaderElectionOptions ForLease(string defaultLeaseName) => new()
    {
        LeaseName = string.IsNullOrWhiteSpace(LeaseName) ? defaultLeaseName : LeaseName,
        LeaseNamespace = Namespace,
        Identity = string.IsNullOrWhiteSpace(Identity) ? Environment.MachineName : Identity,
        LeaseDuration = LeaseDuration,
        RenewDeadline = RenewDeadline,
        RetryPeriod = RetryPeriod,
    };
}
