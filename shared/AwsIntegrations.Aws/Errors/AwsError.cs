namespace AwsIntegrations.Aws;

/// <summary>An error answer as parsed from the wire, before it becomes an exception.</summary>
internal sealed record AwsError(string Code, string Message, string? RequestId);
