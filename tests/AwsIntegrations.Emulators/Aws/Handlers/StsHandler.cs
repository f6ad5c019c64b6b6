using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>STS (Query, 2011-06-15): AssumeRole with the checks AWS makes, and GetCallerIdentity.</summary>
public static partial class StsHandler
{
    public static WireResponse Handle(AwsCall call, AwsState state) => call.Operation switch
    {
        "AssumeRole" => AssumeRole(call, state),
        "AssumeRoleWithWebIdentity" => StsWebIdentity.Assume(call, state),
        "GetCallerIdentity" => QueryXml.Result(call.Service, call.Operation, call.RequestId,
            new XElement("Arn", $"arn:aws:iam::{state.AccountId}:user/emulator"),
            new XElement("UserId", call.AccessKeyId),
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
            var restricted = state.Roles.Count > 0;
            if (match.Groups["account"].Value != state.AccountId
                || (restricted && (!state.Roles.TryGetValue(roleName, out var required) || (required is not null && required != externalId))))
            {
                throw new AwsFault("AccessDenied", $"Not authorized to perform sts:AssumeRole on resource: {roleArn}", 403);
            }
        }

        return roleName;
    }

    internal static XElement[] CredentialsAndUser(AwsState state, string roleArn, string roleName, string sessionName, int duration)
    {
        var credentials = state.IssueCredentials("ASIA", withToken: true);
        var expiration = state.Time.GetUtcNow() + (state.StsCredentialLifetime ?? TimeSpan.FromSeconds(duration));
        var roleId = "AROA" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(roleArn)))[..17];
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
