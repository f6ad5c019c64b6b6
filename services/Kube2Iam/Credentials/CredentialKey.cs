namespace AwsIntegrations.Kube2Iam.Credentials;

/// <summary>
/// What one cached set of credentials is for: STS gives different sessions for each of these. A null session name is
/// kube2iam's shared session (--session-name-mode role): one per role, named after the pod whose request or prefetch fetches it.
/// </summary>
public sealed record CredentialKey(string RoleArn, string? ExternalId, string? SessionName);
