namespace AwsIntegrations.Aws;

/// <summary>A successful answer: status, body and AWS's request id.</summary>
internal sealed record AwsResponse(int StatusCode, byte[] Body, string? RequestId);
