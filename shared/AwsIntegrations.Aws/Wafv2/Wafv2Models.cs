using System.Text.Json.Serialization;

namespace AwsIntegrations.Aws;

// WAFv2 JSON 1.1 shapes (member names from the botocore model, wafv2 2019-07-29).

/// <summary>The members of a WebACL the suite reads.</summary>
public sealed record WebAclSummary
{
    [JsonPropertyName("Name")] public required string Name { get; init; }
    [JsonPropertyName("Id")] public required string Id { get; init; }
    [JsonPropertyName("ARN")] public required string Arn { get; init; }
}

internal sealed record AssociateWebAclBody
{
    [JsonPropertyName("WebACLArn")] public required string WebAclArn { get; init; }
    [JsonPropertyName("ResourceArn")] public required string ResourceArn { get; init; }
}

internal sealed record ResourceArnBody
{
    [JsonPropertyName("ResourceArn")] public required string ResourceArn { get; init; }
}

internal sealed record EmptyAnswer;

internal sealed record GetWebAclForResourceAnswer
{
    [JsonPropertyName("WebACL")] public WebAclSummary? WebAcl { get; init; }
}
