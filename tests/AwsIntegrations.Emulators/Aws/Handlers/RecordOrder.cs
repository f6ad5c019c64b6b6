namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Route 53 lists record sets by name with the labels reversed (com.example.www), then by type, then by set identifier;
/// paging starts at the first record not before (name, type, identifier).
/// </summary>
public sealed class RecordOrder : IComparer<RecordSet>
{
    public static readonly RecordOrder Instance = new();

    public int Compare(RecordSet? x, RecordSet? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var byName = string.CompareOrdinal(Reversed(x.Name), Reversed(y.Name));
        if (byName != 0)
        {
            return byName;
        }

        var byType = string.CompareOrdinal(x.Type, y.Type);
        return byType != 0 ? byType : string.CompareOrdinal(x.SetIdentifier ?? string.Empty, y.SetIdentifier ?? string.Empty);
    }

    private static string Reversed(string name) => string.Join('.', name.TrimEnd('.').ToLowerInvariant().Split('.').Reverse());
}
