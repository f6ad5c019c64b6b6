namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// The identity behind temporary credentials: a session of a role, as STS names it
/// (arn:aws:sts::123456789012:assumed-role/role-name/session-name; user id AROA…:session-name).
/// </summary>
public sealed record IamPrincipal(string Arn, string AccountId, string UserId, string RoleName, string RoleArn)
{
    public static IamPrincipal RoleSession(string accountId, string roleArn, string sessionName, string roleId)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        return new IamPrincipal($"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}", accountId, $"{roleId}:{sessionName}", roleName, roleArn);
    }

    /// <summary>How a trust policy's Principal element sees this session: by its session ARN, its role's ARN and its account.</summary>
    public RequestPrincipal AsTrustPrincipal() => new("AWS", [Arn, RoleArn], AccountId);
}
