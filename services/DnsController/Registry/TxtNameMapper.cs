namespace DnsController.Registry;

/// <summary>
/// external-dns' current TXT registry naming: <c>&lt;prefix&gt;&lt;type&gt;-&lt;first label&gt;&lt;suffix&gt;.&lt;rest&gt;</c>
/// (<c>a-www.example.com</c>); when the prefix or suffix contains <c>%{record_type}</c> the type goes there instead.
/// </summary>
public sealed class TxtNameMapper
{
    private const string RecordTypeTemplate = "%{record_type}";
    private readonly string _prefix;
    private readonly string _suffix;
    private readonly string _wildcardReplacement;

    public TxtNameMapper(string prefix = "", string suffix = "", string wildcardReplacement = "")
    {
        _prefix = prefix.ToLowerInvariant();
        _suffix = suffix.ToLowerInvariant();
        _wildcardReplacement = wildcardReplacement.ToLowerInvariant();
    }

    private bool TypeInAffix => _prefix.Contains(RecordTypeTemplate, StringComparison.Ordinal) || _suffix.Contains(RecordTypeTemplate, StringComparison.Ordinal);

    /// <summary>The ownership record's name for a record of <paramref name="recordType"/> at <paramref name="name"/>.</summary>
    public string ToTxtName(string name, string recordType)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(recordType);
        var type = recordType.ToLowerInvariant();
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var first = dot < 0 ? name : name[..dot];
        var rest = dot < 0 ? null : name[(dot + 1)..];
        if (_wildcardReplacement.Length > 0 && first == "*")
        {
            first = _wildcardReplacement;
        }

        if (!TypeInAffix)
        {
            first = type + "-" + first;
        }

        var label = _prefix.Replace(RecordTypeTemplate, type, StringComparison.Ordinal) + first + _suffix.Replace(RecordTypeTemplate, type, StringComparison.Ordinal);
        return rest is null ? label : label + "." + rest;
    }
}
