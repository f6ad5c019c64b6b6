namespace AwsIntegrations.Aws;

/// <summary>Who the configured credentials are, as STS GetCallerIdentity tells.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
