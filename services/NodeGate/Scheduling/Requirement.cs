using System.Globalization;
using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>One selector requirement evaluated as the API machinery does (labels.Requirement.Matches).</summary>
public static class Requirement
{
    /// <summary>Whether <paramref name="requirement"/> holds for a key that has <paramref name="value"/> (null: the key is absent).</summary>
    public static bool Matches(V1NodeSelectorRequirement requirement, string? value)
    {
        var values = requirement.Values ?? [];
        return requirement.OperatorProperty switch
        {
            "In" => value is not null && values.Contains(value),
            "NotIn" => value is null || !values.Contains(value),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            "Gt" => Compare(value, values) is > 0,
            "Lt" => Compare(value, values) is < 0,
            _ => false,
        };
    }

    /// <summary>Gt/Lt compare integers; an absent label, a non-integer or anything but one value never matches.</summary>
    private static int? Compare(string? value, IList<string> values) =>
        value is not null && values.Count == 1
        && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
        && long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound)
            ? actual.CompareTo(bound)
            : null;
}
