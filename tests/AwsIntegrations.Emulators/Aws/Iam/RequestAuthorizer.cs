namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// IAM on the request path: a call signed with credentials of a session of a role defined in <see cref="IamState"/> is
/// checked, action by action, against that role's permissions policies; the first request they do not allow ends the call
/// with the service's access-denied error. Every decision is recorded with the call. Unrestricted: the emulator's own and
/// seeded keys, unsigned calls, and sessions of roles IAM does not define here.
/// </summary>
public static class RequestAuthorizer
{
    /// <summary>The role session an access key belongs to (null for unrestricted keys).</summary>
    public static IamPrincipal? PrincipalOf(string accessKeyId, AwsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (state.Gate)
        {
            return state.Iam.Principals.GetValueOrDefault(accessKeyId ?? string.Empty);
        }
    }

    /// <summary>Checks every action the call needs (records each decision on the call); throws the service's access-denied fault.</summary>
    public static void Authorize(AwsCall call, AwsState state)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(state);
        var principal = call.Principal;
        lock (state.Gate)
        {
            if (principal is null || !state.Iam.Roles.TryGetValue(principal.RoleName, out var role))
            {
                return;
            }

            foreach (var request in Requests(call, state))
            {
                var decision = PolicyEvaluator.Evaluate(role.Policies, request with { Context = WithGlobalKeys(request.Context, principal, call, state) });
                call.Authorizations.Add(new AuthorizationRecord(request.Action, request.Resource, decision.Effect.ToString(), decision.Statements));
                if (!decision.Allowed)
                {
                    throw AccessDenied.For(call.Service, principal.Arn, request, decision.Effect);
                }
            }
        }
    }

    /// <summary>Every action a call needs, by service (callers hold <see cref="AwsState.Gate"/> for the resources' tags).</summary>
    public static IEnumerable<AuthorizationRequest> Requests(AwsCall call, AwsState state)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.Service.Name switch
        {
            "elbv2" => ElbV2Authorization.Requests(call, state),
            "route53" => Route53Authorization.Requests(call),
            "acm" => AcmAuthorization.Requests(call, state),
            "wafv2" => Wafv2Authorization.Requests(call, state),
            "sts" => StsAuthorization.Requests(call),
            // EC2: the suite only calls Describe*, which take no resource-level permissions.
            _ => [new($"{call.Service.SigningName}:{call.Operation}", "*", ContextKeys.Of())],
        };
    }

    /// <summary>The global keys every request carries (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).</summary>
    private static Dictionary<string, IReadOnlyList<string>> WithGlobalKeys(IReadOnlyDictionary<string, IReadOnlyList<string>> keys, IamPrincipal principal, AwsCall call, AwsState state)
    {
        var context = new Dictionary<string, IReadOnlyList<string>>(keys, StringComparer.OrdinalIgnoreCase);
        context.TryAdd("aws:PrincipalArn", [principal.RoleArn]);
        context.TryAdd("aws:PrincipalAccount", [principal.AccountId]);
        context.TryAdd("aws:PrincipalType", ["AssumedRole"]);
        context.TryAdd("aws:userid", [principal.UserId]);
        // Global services are requested in us-east-1 (aws:RequestedRegion).
        context.TryAdd("aws:RequestedRegion", [call.Service == EmulatedService.Route53 ? "us-east-1" : state.Region]);
        return context;
    }
}
