using k8s.Models;

namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>What an elector observed in the Lease, and the pure decisions client-go makes from it.</summary>
internal sealed record LeaseRecord(string? HolderIdentity, DateTimeOffset? RenewTime, DateTimeOffset? AcquireTime, int Transitions)
{
    public static LeaseRecord Of(V1LeaseSpec? spec) =>
        new(spec?.HolderIdentity, Utc(spec?.RenewTime), Utc(spec?.AcquireTime), spec?.LeaseTransitions ?? 0);

    /// <summary>
    /// Someone else holds the lease and it has not expired. Expiry is judged by the local clock from when this elector
    /// last saw the record change (<paramref name="observedAt"/>), never by the writer's timestamps: clocks may differ.
    /// </summary>
    public bool HeldByOtherThan(string identity, DateTimeOffset observedAt, TimeSpan leaseDuration, DateTimeOffset now) =>
        !string.IsNullOrEmpty(HolderIdentity) && HolderIdentity != identity && observedAt + leaseDuration > now;

    /// <summary>What to write to take (or keep) the lease.</summary>
    public LeaseClaim Claim(string identity, TimeSpan leaseDuration, DateTimeOffset now)
    {
        var keeping = HolderIdentity == identity;
        return new LeaseClaim(
            identity,
            (int)Math.Ceiling(leaseDuration.TotalSeconds),
            keeping ? AcquireTime ?? now : now,
            now,
            keeping ? Transitions : Transitions + 1);
    }

    private static DateTimeOffset? Utc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
