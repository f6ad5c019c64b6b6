namespace AwsIntegrations.Emulators.Aws;

/// <summary>One statement of a policy document, its lists normalised (a single string is a list of one).</summary>
public sealed class PolicyStatement
{
    /// <summary>The Sid, or "#n" (1-based position) for a statement without one, so every statement can be named.</summary>
    public required string Label { get; init; }

    public required bool Allow { get; init; }

    /// <summary>Action patterns; with <see cref="NotAction"/>, the actions the statement does not cover.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    public bool NotAction { get; init; }

    /// <summary>Resource ARN patterns (identity policies); empty in trust policies.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    public bool NotResource { get; init; }

    /// <summary>Principal type (AWS, Federated, Service) → identifiers; "*" as the key: everyone (trust policies).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Principals { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public bool NotPrincipal { get; init; }

    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];
}
