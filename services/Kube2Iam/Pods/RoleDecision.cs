using k8s;
using k8s.Models;
using AwsIntegrations.Kube2Iam.Credentials;

namespace AwsIntegrations.Kube2Iam.Pods;

/// <summary>
/// What a pod may have: credentials for a key, nothing (no role), or a denial with its reason. <see cref="SessionName"/>
/// is the name this pod fetches the key's session with (the key's own, or kube2iam's for a shared session; null while
/// a pod without an IP cannot have kube2iam's name yet).
/// </summary>
public sealed record RoleDecision(V1Pod Pod, CredentialKey? Key, string? Denial, string? SessionName = null)
{
    public bool HasRole => Key is not null;

    public bool IsDenied => Denial is not null;
}
