using AwsIntegrations.Kubernetes.Models;
using Kube2Iam.Credentials;
using Kube2Iam.Options;
using Kube2Iam.Roles;

namespace Kube2Iam.Pods;

/// <summary>
/// The pure decision of which role a pod gets: its annotation (or the default role), resolved against the base ARN,
/// checked against its namespace's allowed roles when restrictions are on, and keyed by session.
/// </summary>
public sealed class RoleResolver(Kube2IamOptions options, Func<string, AllowedRoles> allowedRolesOf)
{
    /// <summary>The base ARN in use (from --base-role-arn, or discovered at start).</summary>
    public string BaseArn { get; set; } = options.BaseRoleArn;

    public const int MaxExternalIdLength = 1224;

    public RoleDecision Decide(Pod pod)
    {
        var annotation = pod.Metadata.Annotation(options.IamRoleKey);
        var wanted = string.IsNullOrWhiteSpace(annotation) ? options.DefaultRole : annotation;
        if (string.IsNullOrWhiteSpace(wanted))
        {
            return new RoleDecision(pod, null, null);
        }

        var arn = RoleArns.Resolve(wanted, BaseArn, out var problem);
        if (arn is null)
        {
            return new RoleDecision(pod, null, problem);
        }

        var externalId = pod.Metadata.Annotation(options.IamExternalIdKey);
        if (externalId is { Length: > MaxExternalIdLength } || (externalId is not null && externalId.Any(char.IsControl)))
        {
            return new RoleDecision(pod, null, "the external-id annotation is not a valid STS ExternalId");
        }

        if (options.NamespaceRestrictions)
        {
            var ns = pod.Metadata.Namespace ?? "default";
            if (!allowedRolesOf(ns).Allows(arn, out var why))
            {
                return new RoleDecision(pod, null, $"role {arn} is not allowed in namespace {ns}" + (why is null ? string.Empty : $" ({why})"));
            }
        }

        var session = SessionNames.For(options.SessionNameMode, pod.Metadata.Namespace ?? "default", pod.Metadata.Name ?? "pod", arn);
        return new RoleDecision(pod, new CredentialKey(arn, string.IsNullOrEmpty(externalId) ? null : externalId, session), null);
    }
}
