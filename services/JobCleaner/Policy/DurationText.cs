using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.JobCleaner.Policy;

/// <summary>
/// Parses annotation durations with <see cref="GoDuration"/>, but never throws: "1e300" or "NaN" in an annotation
/// would otherwise overflow TimeSpan, and a user's typo must not stop the cleaner.
/// </summary>
internal static class DurationText
{
    private static readonly TimeSpan Limit = TimeSpan.FromDays(365 * 1000);

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        try
        {
            return GoDuration.TryParse(text, out value) && value.Duration() <= Limit;
        }
        catch (Exception e) when (e is OverflowException or ArgumentException)
        {
            return false;
        }
    }
}
