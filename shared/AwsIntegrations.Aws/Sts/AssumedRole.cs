namespace AwsIntegrations.Aws;

/// <summary>Temporary credentials for an assumed role, with their expiry and the assumed-role identity.</summary>
public sealed record AssumedRole(AwsCredentials Credentials, DateTimeOffset Expiration, string AssumedRoleArn, string AssumedRoleId, string? SourceIdentity);
