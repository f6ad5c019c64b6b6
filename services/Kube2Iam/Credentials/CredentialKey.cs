namespace Kube2Iam.Credentials;

/// <summary>What one cached set of credentials is for: STS gives different sessions for each of these.</summary>
public sealed record CredentialKey(string RoleArn, string? ExternalId, string SessionName);
