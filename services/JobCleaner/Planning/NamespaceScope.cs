namespace AwsIntegrations.JobCleaner.Planning;

/// <summary>Which namespaces are cleaned: the included ones (none listed: all), minus the excluded ones.</summary>
public sealed record NamespaceScope(IReadOnlyList<string> Included, IReadOnlyList<string> Excluded)
{
    public static NamespaceScope All { get; } = new([], []);

    public bool AllNamespaces => Included.Count == 0;

    public bool Contains(string? ns) =>
        ns is not null && (AllNamespaces || Included.Contains(ns, StringComparer.Ordinal)) && !Excluded.Contains(ns, StringComparer.Ordinal);
}
