using AwsIntegrations.JobCleaner.Planning;

namespace AwsIntegrations.JobCleaner.Policy;

/// <summary>What one object's annotations change; null fields leave the underlying policy as it is.</summary>
public sealed record PolicyOverride(TimeSpan? SucceededAge, TimeSpan? FailedAge, TimeSpan? Timeout, bool NeverTimeout, bool? Disabled)
{
    public static PolicyOverride None { get; } = new(null, null, null, false, null);

    public bool IsEmpty => this == None;

    public CleanupPolicy ApplyTo(CleanupPolicy policy) => new(
        SucceededAge ?? policy.SucceededAge,
        FailedAge ?? policy.FailedAge,
        NeverTimeout ? null : Timeout ?? policy.Timeout,
        Disabled ?? policy.Disabled);
}
