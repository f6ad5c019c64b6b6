using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Selection;

/// <summary>
/// A parsed labelSelector query (=, ==, !=, in, notin, exists, !exists), with the grammar of
/// k8s.io/apimachinery/pkg/labels. Requirements are ANDed.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }

        return new LabelSelector(requirements);
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part, string whole)
    {
        if (part.Length == 0)
        {
            throw Invalid(whole, "empty requirement");
        }

        if (part.StartsWith('!'))
        {
            var key = ValidKey(part[1..].Trim(), whole);
            return labels => !labels.ContainsKey(key);
        }

        var setMatch = System.Text.RegularExpressions.Regex.Match(part, @"^(\S+)\s+(in|notin)\s*\((.*)\)$");
        if (setMatch.Success)
        {
            var key = ValidKey(setMatch.Groups[1].Value, whole);
            var values = setMatch.Groups[3].Value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            return setMatch.Groups[2].Value == "in"
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }

        foreach (var op in new[] { "!=", "==", "=" })
        {
            var at = part.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = ValidKey(part[..at].Trim(), whole);
                var value = part[(at + op.Length)..].Trim();
                if (value.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '!' or '='))
                {
                    throw Invalid(whole, $"invalid label value: \"{value}\"");
                }

                return op == "!="
                    ? labels => !labels.TryGetValue(key, out var v) || v != value
                    : labels => labels.TryGetValue(key, out var v) && v == value;
            }
        }

        var existsKey = ValidKey(part, whole);
        return labels => labels.ContainsKey(existsKey);
    }

    private static string ValidKey(string key, string whole)
    {
        if (key.Length == 0 || key.Length > 316 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
        {
            throw Invalid(whole, $"invalid label key \"{key}\"");
        }

        return key;
    }

    private static ApiError Invalid(string selector, string why) =>
        ApiError.BadRequest($"unable to parse requirement: {why} in label selector \"{selector}\"");

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
