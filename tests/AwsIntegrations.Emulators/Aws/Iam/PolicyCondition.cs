namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// One key of a Condition block: the operator as written (e.g. "ForAllValues:StringEquals", "StringLikeIfExists"), the
/// context key and the values (a list of one for a single value; booleans and numbers as their JSON text).
/// </summary>
public sealed record PolicyCondition(ConditionOperator Operator, string Key, IReadOnlyList<string> Values);
