using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Sources;

namespace AwsIntegrations.DnsController.Registry;

/// <summary>
/// external-dns' TXT registry naming (registry/mapper/mapper.go). Current format:
/// <c>&lt;prefix&gt;&lt;type&gt;-&lt;first label&gt;&lt;suffix&gt;.&lt;rest&gt;</c> (<c>a-www.example.com</c>); when the prefix or
/// suffix contains <c>%{record_type}</c> the type goes there instead. Old format (up to v0.11, and written beside the
/// current one by v0.12–v0.17): no type, <c>&lt;prefix&gt;&lt;first label&gt;&lt;suffix&gt;.&lt;rest&gt;</c>, the template dropped.
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

    public static TxtNameMapper From(DnsControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TxtNameMapper(options.TxtPrefix, options.TxtSuffix, options.TxtWildcardReplacement);
    }

    private bool TypeInAffix => _prefix.Contains(RecordTypeTemplate, StringComparison.Ordinal) || _suffix.Contains(RecordTypeTemplate, StringComparison.Ordinal);

    /// <summary>The ownership record's name for a record of <paramref name="recordType"/> at <paramref name="name"/>.</summary>
    public string ToTxtName(string name, string recordType)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(recordType);
        var type = recordType.ToLowerInvariant();
        var (first, rest) = Split(name);
        if (!TypeInAffix)
        {
            first = type + "-" + first;
        }

        return Join(_prefix.Replace(RecordTypeTemplate, type, StringComparison.Ordinal), first, _suffix.Replace(RecordTypeTemplate, type, StringComparison.Ordinal), rest);
    }

    /// <summary>
    /// The old-format ownership record's name for <paramref name="name"/>: one record for every type at the name (external-dns
    /// v0.11 registry/txt.go toTXTName; v0.13 drops the %{record_type} template from the affixes for it).
    /// </summary>
    public string ToOldTxtName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (first, rest) = Split(name);
        return Join(_prefix.Replace(RecordTypeTemplate, string.Empty, StringComparison.Ordinal), first, _suffix.Replace(RecordTypeTemplate, string.Empty, StringComparison.Ordinal), rest);
    }

    /// <summary>Whether Route 53 can hold a record of this name: labels of 1–63 characters, 253 in all (affixes may make them longer).</summary>
    /// <summary>The names a plan for <paramref name="names"/> needs to read: the names and their ownership TXT names in every format.</summary>
    public HashSet<string> WithOwnershipNames(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var all = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var name in names)
        {
            all.Add(ToOldTxtName(name));
            foreach (var type in new[] { RecordType.A, RecordType.Aaaa, RecordType.Cname })
            {
                all.Add(ToTxtName(name, type));
            }
        }

        return all;
    }

    public static bool IsValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length is > 0 and <= 253 && name.Split('.').All(l => l.Length is > 0 and <= 63);
    }

    private (string First, string? Remainder) Split(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var first = dot < 0 ? name : name[..dot];
        return (_wildcardReplacement.Length > 0 && first == "*" ? _wildcardReplacement : first, dot < 0 ? null : name[(dot + 1)..]);
    }

    private static string Join(string prefix, string first, string suffix, string? rest)
    {
        var label = prefix + first + suffix;
        return rest is null ? label : label + "." + rest;
    }
}
