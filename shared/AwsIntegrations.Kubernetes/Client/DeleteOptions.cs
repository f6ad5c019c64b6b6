namespace AwsIntegrations.Kubernetes.Client;

public enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}

/// <summary>How to delete: what happens to dependents, and preconditions that make the delete fail with 409 when the object changed.</summary>
public sealed record DeleteOptions
{
    public PropagationPolicy? PropagationPolicy { get; init; }

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }

    public long? GracePeriodSeconds { get; init; }
}
