using k8s;
using k8s.Models;
using AwsIntegrations.Kube2Iam.Credentials;
using AwsIntegrations.Kube2Iam.Options;
using AwsIntegrations.Kube2Iam.Roles;

namespace AwsIntegrations.Kube2Iam.Pods;

/// <summary>
/// The pure decision of which role a pod gets: its annotation (or the default role), resolved against the base ARN,
/// checked against its namespace's allowed roles when restrictions are on, and keyed by session.
/// </summary>
public sealed class RoleResolver(Kube2IamOptions options, Func<string, AllowedRoles> allowedRolesOf)
{
    public const int MaxExternalIdLength = 1224;

    /// <summary>The base ARN in use (from --base-role-arn, or discovered at start).</summary>
    public string BaseArn { get; set; } = options.BaseRoleArn;

    /// <summary>The default role in use (from --default-role, or discovered at start with --auto-discover-default-role).</summary>
    public string DefaultRole { get; set; } = options.DefaultRole;

    /// <summary>
    /// The pod's role. <paramref name="callerIp"/> is the address the request came from (kube2iam's session names hash it);
    /// without it the pod's own IP is used, and in --session-name-mode role a pod without an IP has no session name yet.
    /// </summary>
    public RoleDecision Decide(V1Pod pod, string? callerIp = null)
    {
        var annotation = pod.GetAnnotation(options.IamRoleKey);
        var wanted = string.IsNullOrWhiteSpace(annotation) ? DefaultRole : annotation;
        if (string.IsNullOrWhiteSpace(wanted))
        {
            return new RoleDecision(pod, null, null);
        }

        var arn = RoleArns.Resolve(wanted, BaseArn, out var problem);
        if (arn is null)
        {
            return new RoleDecision(pod, null, problem);
        }

        var externalId = pod.GetAnnotation(options.IamExternalIdKey);
        if (externalId is { Length: > MaxExternalIdLength } || (externalId is not null && externalId.Any(char.IsControl)))
        {
            return new RoleDecision(pod, null, "the external-id annotation is not a valid STS ExternalId");
        }

        if (options.NamespaceRestrictions && !IsExempt(arn))
        {
            var ns = pod.Metadata.NamespaceProperty ?? "default";
            if (!allowedRolesOf(ns).Allows(arn, out var why))
            {
                return new RoleDecision(pod, null, $"role {arn} is not allowed in namespace {ns}" + (why is null ? string.Empty : $" ({why})"));
            }
        }

        // kube2iam caches per role: in its mode the session is shared by the role's pods (the key has no name of its own).
        var session = SessionNames.For(options.SessionNameMode, pod.Metadata.NamespaceProperty ?? "default", pod.Metadata.Name ?? "pod", arn, callerIp ?? pod.Status?.PodIP);
        var shared = options.SessionNameMode == SessionNameMode.Role;
        return new RoleDecision(pod, new CredentialKey(arn, string.IsNullOrEmpty(externalId) ? null : externalId, shared ? null : session), null, session);
    }

    // kube2iam (mappings/mapper.go checkRoleForNamespace) lets the default role's ARN through unchecked; here only when asked to.
    private bool IsExempt(string arn) =>
        options.ExemptDefaultRole && !string.IsNullOrWhiteSpace(DefaultRole) && RoleArns.Resolve(DefaultRole, BaseArn, out _) == arn;
}
