namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// IAM's evaluation of the policies that apply to a request within one account: a Deny statement that applies denies
/// ("an explicit deny in any policy overrides any allows"), else an Allow statement that applies allows, else the request
/// is denied by default. A statement applies when its Action (or NotAction), its Resource (or NotResource) or — in trust
/// policies — its Principal (or NotPrincipal), and all its conditions match.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
/// </summary>
public static class PolicyEvaluator
{
    public static AuthorizationDecision Evaluate(IEnumerable<PolicyDocument> policies, AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(request);
        var allowing = new List<string>();
        foreach (var policy in policies)
        {
            foreach (var statement in policy.Statements.Where(s => Applies(s, request)))
            {
                var label = $"{policy.Name}#{statement.Label}";
                if (!statement.Allow)
                {
                    return new AuthorizationDecision(AuthorizationEffect.ExplicitDeny, [label]);
                }

                allowing.Add(label);
            }
        }

        return allowing.Count > 0 ? new AuthorizationDecision(AuthorizationEffect.Allow, allowing) : new AuthorizationDecision(AuthorizationEffect.ImplicitDeny, []);
    }

    public static bool Applies(PolicyStatement statement, AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(request);
        return statement.Actions.Any(a => IamPattern.ActionMatches(a, request.Action)) != statement.NotAction
            && (statement.Resources.Count == 0 || statement.Resources.Any(r => IamPattern.ArnMatches(r, request.Resource)) != statement.NotResource)
            && (statement.Principals.Count == 0 || PrincipalMatches(statement.Principals, request.Principal) != statement.NotPrincipal)
            && statement.Conditions.All(c => ConditionEvaluator.Holds(c, request.Context));
    }

    private static bool PrincipalMatches(IReadOnlyDictionary<string, IReadOnlyList<string>> principals, RequestPrincipal? principal)
    {
        if (principals.ContainsKey("*"))
        {
            return true;
        }

        if (principal is null || !principals.TryGetValue(principal.Type, out var identifiers))
        {
            return false;
        }

        return identifiers.Any(id => id == "*"
            || principal.Arns.Contains(id, StringComparer.Ordinal)
            || (principal.AccountId is { } account && (id == account || id == $"arn:aws:iam::{account}:root")));
    }
}
