namespace DnsController.Registry;

/// <summary>
/// The value of an ownership TXT record as external-dns writes it:
/// <c>"heritage=external-dns,external-dns/owner=&lt;id&gt;,external-dns/resource=ingress/ns/name"</c> (with the quotes,
/// labels sorted by key). A value without <c>heritage=external-dns</c> is not an ownership record.
/// </summary>
public sealed record OwnerLabels(string Owner, string? Resource)
{
    private const string Heritage = "heritage=external-dns";
    private const string LabelPrefix = "external-dns/";

    public IReadOnlyDictionary<string, string> Other { get; init; } = new Dictionary<string, string>();

    public string Serialize()
    {
        var labels = new SortedDictionary<string, string>(Other.ToDictionary(), StringComparer.Ordinal) { ["owner"] = Owner };
        if (Resource is not null)
        {
            labels["resource"] = Resource;
        }

        return "\"" + Heritage + string.Concat(labels.Select(l => $",{LabelPrefix}{l.Key}={l.Value}")) + "\"";
    }

    public static OwnerLabels? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        var parts = text.Split(',');
        if (parts[0] != Heritage)
        {
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !part.StartsWith(LabelPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            labels[part[LabelPrefix.Length..equals]] = part[(equals + 1)..];
        }

        var owner = labels.Remove("owner", out var o) ? o : string.Empty;
        var resource = labels.Remove("resource", out var r) ? r : null;
        return new OwnerLabels(owner, resource) { Other = labels };
    }

    /// <summary>Parses the first value of a TXT record that is an ownership record.</summary>
    public static OwnerLabels? FromValues(IEnumerable<string> values) =>
        values.Select(Parse).FirstOrDefault(l => l is not null);
}
