namespace AwsIntegrations.Hosting.RateLimiting;

/// <summary>
/// Client-side rate limit (client-go's --kube-api-qps/--kube-api-burst, the AWS clients' per-service limits): <c>burst</c>
/// requests at once, then <c>qps</c> per second; 0 or less means unlimited. Callers that find the bucket empty reserve a
/// future token and wait for it, in arrival order.
/// </summary>
public sealed class TokenBucket(double qps, double burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = Math.Max(1, burst);
    private long _updatedAt = time.GetTimestamp();

    public bool Unlimited => qps <= 0;

    /// <summary>How long the caller must wait for its token (zero when one is available); the token is taken.</summary>
    public TimeSpan Reserve()
    {
        if (Unlimited)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / qps);
        }
    }

    /// <summary>Takes a token if one is available now; never waits.</summary>
    public bool TryTake()
    {
        if (Unlimited)
        {
            return true;
        }

        lock (_gate)
        {
            Refill();
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(Math.Max(1, burst), _tokens + (time.GetElapsedTime(_updatedAt, now).TotalSeconds * qps));
        _updatedAt = now;
    }
}
