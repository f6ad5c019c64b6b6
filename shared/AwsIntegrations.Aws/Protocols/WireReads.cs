namespace AwsIntegrations.Aws;

/// <summary>
/// Records the response members our parsers read (as element paths from the root), so the contract test can check
/// each one against AWS's service model. Off unless a test turns it on for its async flow.
/// </summary>
internal static class WireReads
{
    private static readonly AsyncLocal<HashSet<string>?> Current = new();

    public static HashSet<string> Start() => Current.Value = new HashSet<string>(StringComparer.Ordinal);

    public static void Stop() => Current.Value = null;

    internal static void Record(string path)
    {
        var set = Current.Value;
        if (set is null)
        {
            return;
        }

        lock (set)
        {
            set.Add(path);
        }
    }
}
