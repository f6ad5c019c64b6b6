using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// STS (Query, 2011-06-15): AssumeRole with the checks AWS makes — the caller's permissions (on the request path,
/// <see cref="RequestAuthorizer"/>) and the role's trust policy, for roles IAM defines (<see cref="IamState"/>) — and
/// GetCallerIdentity. Credentials it hands out belong to the new role session.
/// </summary>
public static partial class StsHandler
{
    public static WireResponse Handle(AwsCall call, AwsState state) => call.Operation switch
    {
        "AssumeRole" => AssumeRole(call, state),
        "AssumeRoleWithWebIdentity" => StsWebIdentity.Assume(call, state),
        "GetCallerIdentity" => QueryXml.Result(call.Service, call.Operation, call.RequestId,
            new XElement("Arn", call.Principal?.Arn ?? UserArn(state)),
            new XElement("UserId", call.Principal?.UserId ?? call.AccessKeyId),
            new XElement("Account", state.AccountId)),
        _ => throw new AwsFault("InvalidAction", $"Could not find operation {call.Operation} for version 2011-06-15"),
    };

    /// <summary>Checks what AssumeRole and AssumeRoleWithWebIdentity share; returns the role name.</summary>
    internal static string ValidateRoleRequest(AwsCall call, AwsState state, string? externalId, out int duration)
    {
        var roleArn = call.RequiredParam("RoleArn");
        var sessionName = call.RequiredParam("RoleSessionName");
        var match = RoleArnPattern().Match(roleArn);
        if (!match.Success)
        {
            throw new AwsFault("ValidationError", $"{roleArn} is invalid");
        }

        if (!SessionNamePattern().IsMatch(sessionName))
        {
            throw new AwsFault("ValidationError", "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }

        duration = call.Param("DurationSeconds") is { } d ? int.Parse(d, CultureInfo.InvariantCulture) : 3600;
        if (duration is < 900 or > 43200)
        {
            throw new AwsFault("ValidationError", $"1 validation error detected: Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        }

        var roleName = match.Groups["name"].Value;
        lock (state.Gate)
        {
            var restricted = state.Roles.Count > 0 || state.Iam.Roles.Count > 0;
            var defined = state.Iam.Roles.ContainsKey(roleName.Split('/').Last());
            var required = state.Roles.GetValueOrDefault(roleName);
            if (match.Groups["account"].Value != state.AccountId
                || (restricted && ((!state.Roles.ContainsKey(roleName) && !defined) || (required is not null && required != externalId))))
            {
                throw new AwsFault("AccessDenied", $"Not authorized to perform sts:AssumeRole on resource: {roleArn}", 403);
            }
        }

        return roleName;
    }

    /// <summary>
    /// The role's trust policy, when IAM defines one, must allow the principal the action ("a role trust policy … defines
    /// which principals can assume the role, and under which conditions",
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html); the decision is recorded on the call.
    /// </summary>
    internal static void CheckTrust(AwsCall call, AwsState state, string roleName, string action, RequestPrincipal principal, Dictionary<string, IReadOnlyList<string>> keys, string deniedMessage)
    {
        PolicyDocument? trust;
        string roleArn;
        lock (state.Gate)
        {
            var role = state.Iam.Roles.GetValueOrDefault(roleName.Split('/').Last());
            trust = role?.TrustPolicy;
            roleArn = role?.Arn ?? string.Empty;
        }

        if (trust is null)
        {
            return;
        }

        keys.TryAdd("aws:PrincipalAccount", principal.AccountId is { } account ? [account] : []);
        var decision = PolicyEvaluator.Evaluate([trust], new AuthorizationRequest(action, roleArn, keys) { Principal = principal });
        call.Authorizations.Add(new AuthorizationRecord(action, roleArn, decision.Effect.ToString(), decision.Statements));
        if (!decision.Allowed)
        {
            throw new AwsFault("AccessDenied", deniedMessage, 403);
        }
    }

    internal static string UserArn(AwsState state) => $"arn:aws:iam::{state.AccountId}:user/emulator";

    internal static string RoleId(string roleArn) =>
        "AROA" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(roleArn)))[..17];

    internal static XElement[] CredentialsAndUser(AwsState state, string roleArn, string roleName, string sessionName, int duration)
    {
        var roleId = RoleId(roleArn);
        var credentials = state.IssueCredentials("ASIA", withToken: true, IamPrincipal.RoleSession(state.AccountId, roleArn, sessionName, roleId));
        var expiration = state.Time.GetUtcNow() + (state.StsCredentialLifetime ?? TimeSpan.FromSeconds(duration));
        return
        [
            new XElement("AssumedRoleUser",
                new XElement("AssumedRoleId", $"{roleId}:{sessionName}"),
                new XElement("Arn", $"arn:aws:sts::{state.AccountId}:assumed-role/{roleName.Split('/').Last()}/{sessionName}")),
            new XElement("Credentials",
                new XElement("AccessKeyId", credentials.AccessKeyId),
                new XElement("SecretAccessKey", credentials.SecretAccessKey),
                new XElement("SessionToken", credentials.SessionToken),
                new XElement("Expiration", expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
        ];
    }

    private static WireResponse AssumeRole(AwsCall call, AwsState state)
    {
        var roleName = ValidateRoleRequest(call, state, call.Param("ExternalId"), out var duration);
        var caller = call.Principal?.AsTrustPrincipal() ?? new RequestPrincipal("AWS", [UserArn(state)], state.AccountId);
        var keys = StsAuthorization.Keys(call);
        keys["aws:PrincipalArn"] = [call.Principal?.RoleArn ?? UserArn(state)];
        CheckTrust(call, state, roleName, "sts:AssumeRole", caller, keys,
            $"User: {call.Principal?.Arn ?? UserArn(state)} is not authorized to perform: sts:AssumeRole on resource: {call.RequiredParam("RoleArn")}");
        var parts = CredentialsAndUser(state, call.RequiredParam("RoleArn"), roleName, call.RequiredParam("RoleSessionName"), duration);
        return QueryXml.Result(call.Service, call.Operation, call.RequestId,
            QueryXml.Opt("SourceIdentity", call.Param("SourceIdentity")),
            parts[0],
            parts[1],
            new XElement("PackedPolicySize", call.Items("Tags.member").Count() * 2));
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(?<account>\d{12}):role/(?<name>[\w+=,.@/-]{1,512})$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionNamePattern();
}
