using AwsIntegrations.IngressController.Inventory;

namespace AwsIntegrations.IngressController.Planning;

/// <summary>
/// The cleanup grace of one plan: since when each unneeded resource has been unneeded (keys "alb:name", "tg:name",
/// "cert:alb:arn"), from its unused-since tag, else what the previous passes remembered, else now.
/// </summary>
internal sealed class CleanupClock(IReadOnlyDictionary<string, DateTimeOffset> unneeded, DateTimeOffset now, TimeSpan grace)
{
    /// <summary>What is unneeded and not yet due, with since when.</summary>
    public Dictionary<string, DateTimeOffset> StillUnneeded { get; } = new(StringComparer.Ordinal);

    /// <summary>When the next still-unneeded resource comes due; null when none is waiting.</summary>
    public DateTimeOffset? NextDue => StillUnneeded.Count == 0 ? null : StillUnneeded.Values.Min() + grace;

    /// <summary>
    /// Since when a resource has been unneeded: its unused-since tag (which survives restarts), else what this process
    /// remembers, else now (to the whole second below, as the tag holds it).
    /// </summary>
    public DateTimeOffset Since(string key, DateTimeOffset? tagged) =>
        tagged ?? (unneeded.TryGetValue(key, out var s) ? s : UnusedSinceTag.Floor(now));

    /// <summary>Records when a resource became unneeded; true once it has been unneeded for the whole grace.</summary>
    public bool Due(string key, DateTimeOffset? tagged)
    {
        var since = Since(key, tagged);
        if (now - since >= grace)
        {
            return true;
        }

        StillUnneeded[key] = since;
        return false;
    }

    /// <summary>A resource removed now (e.g. for room) is no longer waiting.</summary>
    public void Removed(string key) => StillUnneeded.Remove(key);
}
