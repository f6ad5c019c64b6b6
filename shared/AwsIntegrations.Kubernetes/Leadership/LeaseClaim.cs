namespace AwsIntegrations.Kubernetes.Leadership;

/// <summary>The Lease spec fields an elector writes (and owns): who holds it, for how long, since when, how many handovers.</summary>
internal sealed record LeaseClaim(string HolderIdentity, int LeaseDurationSeconds, DateTimeOffset AcquireTime, DateTimeOffset RenewTime, int LeaseTransitions);
