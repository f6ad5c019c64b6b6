using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>What an elector observed in the Lease, and the pure decisions client-go makes from it.</summary>
public sealed record LeaseRecord(string? HolderIdentity, DateTimeOffset? RenewTime, DateTimeOffset? AcquireTime, int Transitions)
{
    public static LeaseRecord Of(LeaseSpec? spec) =>
        new(spec?.HolderIdentity, spec?.RenewTime, spec?.AcquireTime, spec?.LeaseTransitions ?? 0);

    /// <summary>
    /// Someone else holds the lease and it has not expired. Expiry is judged by the local clock from when this elector
    /// last saw the record change (<paramref name="observedAt"/>), never by the writer's timestamps: clocks may differ.
    /// </summary>
    public bool HeldByOtherThan(string identity, DateTimeOffset observedAt, TimeSpan leaseDuration, DateTimeOffset now) =>
        !string.IsNullOrEmpty(HolderIdentity) && HolderIdentity != identity && observedAt + leaseDuration > now;

    /// <summary>The spec to write to take (or keep) the lease.</summary>
    public LeaseSpec Claim(string identity, TimeSpan leaseDuration, DateTimeOffset now, LeaseSpec? current)
    {
        var keeping = HolderIdentity == identity;
        var spec = current ?? new LeaseSpec();
        spec.HolderIdentity = identity;
        spec.LeaseDurationSeconds = (int)Math.Ceiling(leaseDuration.TotalSeconds);
        spec.RenewTime = now;
        spec.AcquireTime = keeping ? AcquireTime ?? now : now;
        spec.LeaseTransitions = keeping ? Transitions : Transitions + 1;
        return spec;
    }
}
