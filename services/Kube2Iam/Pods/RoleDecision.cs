using AwsIntegrations.Kubernetes.Models;
using Kube2Iam.Credentials;

namespace Kube2Iam.Pods;

/// <summary>What a pod may have: credentials for a key, nothing (no role), or a denial with its reason.</summary>
public sealed record RoleDecision(Pod Pod, CredentialKey? Key, string? Denial)
{
    public bool HasRole => Key is not null;

    public bool IsDenied => Denial is not null;
}
