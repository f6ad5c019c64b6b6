using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Selection;

/// <summary>A parsed fieldSelector (=, ==, != over the field labels the kind supports).</summary>
public sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool Matches(IReadOnlyDictionary<string, string> fields) =>
        _terms.All(t => fields.TryGetValue(t.Field, out var v) && (v == t.Value) == t.Equal);

    public static FieldSelector Parse(string? text, ResourceDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (op, at) = part.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0 ? ("!=", ne)
                : part.IndexOf("==", StringComparison.Ordinal) is var ee and > 0 ? ("==", ee)
                : ("=", part.IndexOf('=', StringComparison.Ordinal));
            if (at <= 0)
            {
                throw ApiError.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            }

            var field = part[..at].Trim();
            if (field is not ("metadata.name" or "metadata.namespace") && !definition.FieldLabels.Contains(field))
            {
                throw ApiError.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, op != "!=", part[(at + op.Length)..].Trim()));
        }

        return new FieldSelector(terms);
    }
}
