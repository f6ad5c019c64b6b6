namespace AwsIntegrations.Router.Routing;

/// <summary>An annotation's parsed value, or why it did not parse.</summary>
public sealed record ParseOutcome<T>(T? Value, string? Error)
    where T : class;
