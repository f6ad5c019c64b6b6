using System.Globalization;

namespace AwsIntegrations.Hosting.Metrics;

/// <summary>The labels of one series, sorted by name: the same set maps to one series whatever order the caller passed the tags in.</summary>
internal sealed class LabelSet
{
    private LabelSet(KeyValuePair<string, string>[] labels, int hash)
    {
        Labels = labels;
        Hash = hash;
    }

    public KeyValuePair<string, string>[] Labels { get; }

    public int Hash { get; }

    public static LabelSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        var hash = 0;
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(tags[i].Key, Text(tags[i].Value));
            hash += PairHash(labels[i].Key, labels[i].Value);
        }

        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new LabelSet(labels, hash);
    }

    /// <summary>Order-independent, so that tags in any order find the same set without sorting them first.</summary>
    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = 0;
        foreach (var tag in tags)
        {
            hash += PairHash(tag.Key, Text(tag.Value));
        }

        return hash;
    }

    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != Labels.Length)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (!Contains(tag.Key, Text(tag.Value)))
            {
                return false;
            }
        }

        return true;
    }

    public bool SameAs(LabelSet other) => other.Labels.AsSpan().SequenceEqual(Labels);

    private bool Contains(string key, string value)
    {
        foreach (var label in Labels)
        {
            if (string.Equals(label.Key, key, StringComparison.Ordinal))
            {
                return string.Equals(label.Value, value, StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static string Text(object? value) => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static int PairHash(string key, string value) => HashCode.Combine(string.GetHashCode(key, StringComparison.Ordinal), string.GetHashCode(value, StringComparison.Ordinal));
}
