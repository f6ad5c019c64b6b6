namespace AwsIntegrations.DnsController.Sources;

/// <summary>--annotation-filter: comma-separated terms <c>key</c> (present) or <c>key=value</c>; an object must match all.</summary>
public sealed class AnnotationFilter
{
    private readonly IReadOnlyList<(string Key, string? Value)> _terms;

    private AnnotationFilter(IReadOnlyList<(string Key, string? Value)> terms) => _terms = terms;

    public static AnnotationFilter Everything { get; } = new([]);

    /// <summary>Returns the problem with <paramref name="text"/>, or null and the filter.</summary>
    public static string? TryParse(string? text, out AnnotationFilter filter)
    {
        filter = Everything;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = new List<(string, string?)>();
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = term.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? term : term[..equals].Trim();
            if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal) || key.Contains('!', StringComparison.Ordinal))
            {
                return $"term \"{term}\" must be key or key=value";
            }

            terms.Add((key, equals < 0 ? null : term[(equals + 1)..].Trim()));
        }

        filter = new AnnotationFilter(terms);
        return null;
    }

    public bool Matches(IDictionary<string, string>? annotations) =>
        _terms.All(t => annotations is not null && annotations.TryGetValue(t.Key, out var value) && (t.Value is null || t.Value == value));
}
