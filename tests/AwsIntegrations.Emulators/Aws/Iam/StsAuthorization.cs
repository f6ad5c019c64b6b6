namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// What AWS authorizes for STS operations (Service Authorization Reference, "Actions, resources, and condition keys for AWS
/// Security Token Service"): AssumeRole is sts:AssumeRole on the role's ARN — the caller's permissions; the role's trust
/// policy is checked by STS itself (<see cref="StsHandler"/>). GetCallerIdentity needs no permission ("No permissions are
/// required to perform this operation", GetCallerIdentity API reference).
/// </summary>
public static class StsAuthorization
{
    public static IEnumerable<AuthorizationRequest> Requests(AwsCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Operation switch
        {
            "GetCallerIdentity" => [],
            "AssumeRole" => [new("sts:AssumeRole", call.Param("RoleArn") ?? "*", Keys(call))],
            _ => [new("sts:" + call.Operation, "*", ContextKeys.Of())],
        };
    }

    /// <summary>The keys of an AssumeRole request: sts:RoleSessionName, sts:ExternalId and the session tags.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Keys(AwsCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var context = ContextKeys.Of();
        if (call.Param("RoleSessionName") is { } session)
        {
            context["sts:RoleSessionName"] = [session];
        }

        if (call.Param("ExternalId") is { } externalId)
        {
            context["sts:ExternalId"] = [externalId];
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in call.Items("Tags.member"))
        {
            tags[call.Param(tag + "Key") ?? string.Empty] = call.Param(tag + "Value") ?? string.Empty;
        }

        return context.WithRequestTags(tags);
    }
}
