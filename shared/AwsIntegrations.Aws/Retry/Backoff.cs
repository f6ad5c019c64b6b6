using AwsIntegrations.Hosting.Loops;

namespace AwsIntegrations.Aws;

/// <summary>Exponential backoff with full jitter, as the AWS standard retry mode computes it.</summary>
internal static class Backoff
{
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Delay(int retry, double random, TimeSpan baseDelay, TimeSpan maxBackoff) =>
        ExponentialBackoff.For(retry, baseDelay, maxBackoff) * random;
}
