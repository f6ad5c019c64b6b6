namespace AwsIntegrations.Aws;

/// <summary>The node role's credentials as the instance metadata service hands them out.</summary>
public sealed record InstanceRoleCredentials(string Code, string AccessKeyId, string SecretAccessKey, string Token, DateTimeOffset Expiration, DateTimeOffset LastUpdated);
