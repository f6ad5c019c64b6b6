namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// What the policies decided for one request, and which statements decided it ("policy#Sid"): every Allow statement that
/// applies (so a least-privilege check can tell each grant was used) or the Deny that applies.
/// </summary>
public sealed record AuthorizationDecision(AuthorizationEffect Effect, IReadOnlyList<string> Statements)
{
    public bool Allowed => Effect == AuthorizationEffect.Allow;
}
