using AwsIntegrations.Aws;

namespace AwsIntegrations.Kube2Iam.Credentials;

/// <summary>One AssumeRole answer: credentials until their expiry, or the error until it may be retried.</summary>
public sealed record CredentialResult(AssumedRole? Role, string? Error, DateTimeOffset ObtainedAt, DateTimeOffset ValidUntil)
{
    public bool Succeeded => Role is not null;
}
