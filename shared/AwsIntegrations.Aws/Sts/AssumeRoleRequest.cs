namespace AwsIntegrations.Aws;

/// <summary>What to ask STS for: the role, the session name, and the optional AssumeRole parameters.</summary>
public sealed record AssumeRoleRequest(string RoleArn, string SessionName)
{
    public string? ExternalId { get; init; }

    /// <summary>Session length; null lets STS decide (1 hour).</summary>
    public TimeSpan? Duration { get; init; }

    public string? SourceIdentity { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];
}
