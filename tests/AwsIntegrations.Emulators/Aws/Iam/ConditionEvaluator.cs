namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Evaluates one condition key against a request's context, by IAM's rules
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html and
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
/// several values of one key are OR'ed; a key missing from the context fails a positive operator, satisfies a negated one
/// ("If the policy condition requires that the key is not matched, such as StringNotLike or ArnNotLike, and the right key is
/// not present, the condition is true") and satisfies any ...IfExists operator; Null tests presence; ForAllValues is true
/// when every context value matches (and when the key is missing or empty), ForAnyValue when at least one does (false when
/// missing).
/// </summary>
public static class ConditionEvaluator
{
    public static bool Holds(PolicyCondition condition, IReadOnlyDictionary<string, IReadOnlyList<string>> context)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(context);
        var op = condition.Operator;
        var present = context.TryGetValue(condition.Key, out var values) && values.Count > 0;
        if (op.Base == "Null")
        {
            // "true": the key must be absent; "false": it must be present.
            return condition.Values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) ? !present : present);
        }

        switch (op.SetQualifier)
        {
            case "ForAllValues":
                return !present || values!.All(v => MatchesOne(op, v, condition.Values));
            case "ForAnyValue":
                return present && values!.Any(v => MatchesOne(op, v, condition.Values));
        }

        if (!present)
        {
            return op.IfExists || op.Negated;
        }

        return values!.Any(v => MatchesOne(op, v, condition.Values));
    }

    /// <summary>A context value against the policy's values: positive operators need one match, negated ones none.</summary>
    private static bool MatchesOne(ConditionOperator op, string value, IReadOnlyList<string> policyValues)
    {
        var any = policyValues.Any(p => Compare(op.Base, p, value));
        return op.Negated ? !any : any;
    }

    private static bool Compare(string baseOperator, string policyValue, string value) => baseOperator switch
    {
        "StringEquals" or "StringNotEquals" => string.Equals(policyValue, value, StringComparison.Ordinal),
        "StringEqualsIgnoreCase" or "StringNotEqualsIgnoreCase" => string.Equals(policyValue, value, StringComparison.OrdinalIgnoreCase),
        "StringLike" or "StringNotLike" => IamPattern.Glob(policyValue, value, ignoreCase: false),
        // "ArnEquals, ArnLike: … each of the six colon-delimited components of the ARN is checked separately and each can
        // include … wildcards": both match alike.
        "ArnEquals" or "ArnNotEquals" or "ArnLike" or "ArnNotLike" => IamPattern.ArnMatches(policyValue, value),
        "Bool" => string.Equals(policyValue, value, StringComparison.OrdinalIgnoreCase),
        _ => throw new InvalidOperationException($"condition operator {baseOperator} is not evaluated"),
    };
}
