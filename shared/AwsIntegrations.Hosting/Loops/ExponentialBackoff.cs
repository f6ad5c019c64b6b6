namespace AwsIntegrations.Hosting.Loops;

/// <summary>initial × 2^(failures−1), capped at max: the one schedule behind the reconcile loop, the informers and the AWS retries (each adds its own jitter); pure so it can be tested without a clock.</summary>
public static class ExponentialBackoff
{
    public static TimeSpan For(int consecutiveFailures, TimeSpan initial, TimeSpan max)
    {
        if (consecutiveFailures <= 0)
        {
            return TimeSpan.Zero;
        }

        var factor = Math.Pow(2, Math.Min(consecutiveFailures - 1, 30));
        var ticks = Math.Min(initial.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
