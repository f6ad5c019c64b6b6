using System.Globalization;

namespace AwsIntegrations.IngressController.Inventory;

/// <summary>
/// The tag that carries the cleanup grace across restarts: aws-integrations.io/unused-since=&lt;RFC 3339 UTC, whole seconds&gt;
/// on a load balancer or target group that is no longer needed. A value that does not parse counts as absent (and is
/// written again), so a hand-edited tag can only lengthen the grace.
/// </summary>
public static class UnusedSinceTag
{
    public const string Key = "aws-integrations.io/unused-since";

    public static string Format(DateTimeOffset since) => Floor(since).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instant to the whole second below, as written in the tag.</summary>
    public static DateTimeOffset Floor(DateTimeOffset since) => new(since.UtcTicks - since.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    public static DateTimeOffset? Parse(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.TryGetValue(Key, out var value)
            && DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var since)
            ? since
            : null;
    }
}
