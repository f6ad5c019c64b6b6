namespace AwsIntegrations.DnsController.Registry;

/// <summary>
/// The value of an ownership TXT record as external-dns writes it:
/// <c>"heritage=external-dns,external-dns/owner=&lt;id&gt;,external-dns/resource=ingress/ns/name"</c> (with the quotes,
/// labels sorted by key). Reading is strict: anything else (another heritage, an unknown key, a repeated key, a stray or
/// missing quote, a value split into several strings) is not an ownership record, so the record it sits beside is
/// nobody's we know and is never changed.
/// </summary>
public sealed record OwnerLabels(string Owner, string? Resource)
{
    private const string Heritage = "heritage=external-dns";
    private const string OwnerKey = "external-dns/owner";
    private const string ResourceKey = "external-dns/resource";

    /// <summary>The quoted value external-dns writes (endpoint/labels.go SerializePlain with quotes): owner before resource.</summary>
    public string Serialize() =>
        "\"" + Heritage + $",{OwnerKey}={Owner}" + (Resource is null ? string.Empty : $",{ResourceKey}={Resource}") + "\"";

    public static OwnerLabels? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Unquote(value.Trim()) is not { } text || text.Contains('"', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text.Split(',');
        if (parts[0] != Heritage)
        {
            return null;
        }

        string? owner = null;
        string? resource = null;
        foreach (var part in parts.Skip(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var label = equals < 0 ? null : part[(equals + 1)..];
            switch (key)
            {
                case OwnerKey when owner is null && label is not null:
                    owner = label;
                    break;
                case ResourceKey when resource is null && label is not null:
                    resource = label;
                    break;
                default:
                    return null;
            }
        }

        return new OwnerLabels(owner ?? string.Empty, resource);
    }

    /// <summary>One quoted string, nothing around it, or none: "a" "b" (a long value split into strings) and "a (unterminated) are not ours.</summary>
    private static string? Unquote(string text)
    {
        if (!text.StartsWith('"') && !text.EndsWith('"'))
        {
            return text;
        }

        return text.Length >= 2 && text.StartsWith('"') && text.EndsWith('"') ? text[1..^1] : null;
    }

    /// <summary>The labels of a TXT record set that holds exactly one value and that value is an ownership record; else null.</summary>
    public static OwnerLabels? FromValues(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 1 ? Parse(values[0]) : null;
    }
}
