namespace AwsIntegrations.Aws;

/// <summary>A successful answer: status, body and AWS's request id.</summary>
public sealed record AwsResponse(int StatusCode, byte[] Body, string? RequestId);
