namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// IAM in the emulated account: the roles whose policies are enforced (by name) and who each temporary access key belongs
/// to. Keys without a principal (the emulator's own key, seeded keys) and sessions of roles not defined here are not
/// restricted, so tests that do not care about IAM keep working. Callers hold <see cref="AwsState.Gate"/>.
/// </summary>
public sealed class IamState
{
    public Dictionary<string, IamRole> Roles { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IamPrincipal> Principals { get; } = new(StringComparer.Ordinal);

    /// <summary>Defines (or replaces) a role from its policy documents' JSON; each policy has a name (how decisions cite it).</summary>
    public IamRole Define(string accountId, string name, (string Name, string Json)? trustPolicy, IEnumerable<(string Name, string Json)> policies)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(policies);
        var role = new IamRole(
            name,
            $"arn:aws:iam::{accountId}:role/{name}",
            trustPolicy is { } trust ? PolicyDocument.Parse(trust.Name, trust.Json, PolicyKind.Trust) : null,
            policies.Select(p => PolicyDocument.Parse(p.Name, p.Json, PolicyKind.Identity)).ToList());
        Roles[name] = role;
        return role;
    }
}
