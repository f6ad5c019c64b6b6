namespace AwsIntegrations.Kubernetes.Api;

public sealed record WatchOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Watch changes after this version; null or "0" starts with the current state as ADDED events.</summary>
    public string? ResourceVersion { get; init; }

    public bool AllowWatchBookmarks { get; init; } = true;

    /// <summary>The server ends the watch after this long (normally, without an error).</summary>
    public TimeSpan? Timeout { get; init; }
}
