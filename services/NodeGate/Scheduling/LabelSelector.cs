using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Scheduling;

/// <summary>
/// A label selector in kubectl's string syntax: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>,
/// <c>k</c>, <c>!k</c>, joined by commas (all must hold).
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<V1NodeSelectorRequirement> requirements) => Requirements = requirements;

    public IReadOnlyList<V1NodeSelectorRequirement> Requirements { get; }

    public bool Matches(IDictionary<string, string>? labels) =>
        Requirements.All(r => Requirement.Matches(r, labels is not null && labels.TryGetValue(r.Key, out var value) ? value : null));

    /// <summary>Every requirement of every selector must hold.</summary>
    public static LabelSelector AllOf(IEnumerable<LabelSelector> selectors) => new([.. selectors.SelectMany(s => s.Requirements)]);

    /// <exception cref="FormatException">The text is not a selector; the message names the bad part.</exception>
    public static LabelSelector Parse(string text) => new([.. SplitTopLevel(text).Select(ParseOne)]);

    private static V1NodeSelectorRequirement ParseOne(string part)
    {
        var term = part.Trim();
        if (term.Length == 0)
        {
            throw new FormatException("empty requirement (stray comma?)");
        }

        if (term.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var key, var rest])
        {
            if (rest.StartsWith("in ", StringComparison.Ordinal) || rest.StartsWith("in(", StringComparison.Ordinal))
            {
                return New(key, "In", SetValues(rest[2..], term));
            }

            if (rest.StartsWith("notin", StringComparison.Ordinal))
            {
                return New(key, "NotIn", SetValues(rest[5..], term));
            }
        }

        foreach (var (symbol, op) in new[] { ("!=", "NotIn"), ("==", "In"), ("=", "In") })
        {
            var at = term.IndexOf(symbol, StringComparison.Ordinal);
            if (at >= 0)
            {
                return New(term[..at].Trim(), op, [Value(term[(at + symbol.Length)..].Trim(), term)]);
            }
        }

        return term.StartsWith('!') ? New(term[1..].Trim(), "DoesNotExist", []) : New(term, "Exists", []);
    }

    private static List<string> SetValues(string rest, string term)
    {
        var body = rest.Trim();
        if (!body.StartsWith('(') || !body.EndsWith(')'))
        {
            throw new FormatException($"'{term}': expected a parenthesised list of values");
        }

        return [.. body[1..^1].Split(',').Select(v => Value(v.Trim(), term))];
    }

    private static string Value(string value, string term) =>
        value.Length <= 63 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : throw new FormatException($"'{term}': invalid label value '{value}'");

    private static V1NodeSelectorRequirement New(string key, string op, List<string> values) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            ? new V1NodeSelectorRequirement { Key = key, OperatorProperty = op, Values = values }
            : throw new FormatException($"invalid label key '{key}'");

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
