namespace AwsIntegrations.Aws;

/// <summary>A client-side token bucket: <c>rate</c> requests per second on average, up to <c>burst</c> at once.</summary>
public sealed class TokenBucket
{
    private readonly object _gate = new();
    private readonly double _rate;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    /// <param name="ratePerSecond">0 or less: unlimited.</param>
    public TokenBucket(double ratePerSecond, double burst, TimeProvider time)
    {
        _rate = ratePerSecond;
        _burst = Math.Max(1, burst);
        _time = time;
        _tokens = _burst;
        _last = time.GetTimestamp();
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        if (_rate <= 0)
        {
            return;
        }

        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                Refill();
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((1 - _tokens) / _rate);
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_last, now);
        _last = now;
        _tokens = Math.Min(_burst, _tokens + (elapsed.TotalSeconds * _rate));
    }
}
