namespace AwsIntegrations.Kubernetes.Api;

/// <summary>Query of a list: selectors and paging (limit + the continue token of the previous page).</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public int? Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>"0" lets the server answer from its cache; null asks for the latest state.</summary>
    public string? ResourceVersion { get; init; }
}
