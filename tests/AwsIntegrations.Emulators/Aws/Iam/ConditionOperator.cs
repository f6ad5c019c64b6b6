namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// A condition operator split into its parts: the set qualifier for multivalued keys (ForAnyValue / ForAllValues), the
/// base operator and the IfExists suffix. The emulator evaluates the string, ARN, Bool and Null operators (the ones whose
/// keys its services supply); a policy with another operator is refused when loaded rather than evaluated wrongly.
/// Operators: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
/// </summary>
public sealed record ConditionOperator(string Text, string? SetQualifier, string Base, bool IfExists)
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike", "Bool", "Null",
    };

    /// <summary>Negated operators (StringNotEquals, ArnNotLike, …) are true for a context value that matches none of the values.</summary>
    public bool Negated => Base.Contains("Not", StringComparison.Ordinal);

    public static ConditionOperator Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var qualifier = colon < 0 ? null : text[..colon];
        if (qualifier is not (null or "ForAnyValue" or "ForAllValues"))
        {
            throw new InvalidDataException($"Invalid Condition type : {text}");
        }

        var rest = colon < 0 ? text : text[(colon + 1)..];
        var ifExists = rest.EndsWith("IfExists", StringComparison.Ordinal) && rest != "Null";
        var name = ifExists ? rest[..^"IfExists".Length] : rest;
        if (!Supported.Contains(name))
        {
            throw new InvalidDataException($"Condition operator {text} is not evaluated by the emulator (supported: {string.Join(", ", Supported)}, with ForAnyValue:/ForAllValues: and IfExists)");
        }

        return new ConditionOperator(text, qualifier, name, ifExists);
    }
}
