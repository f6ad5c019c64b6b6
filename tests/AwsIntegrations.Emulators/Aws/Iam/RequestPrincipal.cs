namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Who asks to assume a role, as a trust policy's Principal element sees it: the principal type (AWS for IAM identities,
/// Federated for an identity provider), the ARNs that name it (an assumed-role session is named by its session ARN and
/// by its role's ARN) and, for AWS principals, the account (matched by "123456789012" or "arn:aws:iam::123456789012:root").
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
/// </summary>
public sealed record RequestPrincipal(string Type, IReadOnlyList<string> Arns, string? AccountId);
