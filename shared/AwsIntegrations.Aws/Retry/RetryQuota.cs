namespace AwsIntegrations.Aws;

/// <summary>
/// The standard retry mode's client-side quota: a retry costs 5 tokens (10 after a timeout); a successful retried
/// call gives its cost back, a first-try success gives 1 back. When the quota is empty, errors are not retried,
/// so a struggling service is not hammered by every caller at once.
/// </summary>
internal sealed class RetryQuota(int capacity)
{
    public const int RetryCost = 5;
    public const int TimeoutRetryCost = 10;
    public const int NoRetryIncrement = 1;

    private readonly object _gate = new();
    private readonly int _capacity = capacity;
    private int _available = capacity;

    public int Available
    {
        get
        {
            lock (_gate)
            {
                return _available;
            }
        }
    }

    /// <summary>Takes the cost of one retry; returns the tokens taken, or 0 when the quota cannot pay for it.</summary>
    public int TryAcquire(bool afterTimeout)
    {
        var cost = afterTimeout ? TimeoutRetryCost : RetryCost;
        lock (_gate)
        {
            if (_available < cost)
            {
                return 0;
            }

            _available -= cost;
            return cost;
        }
    }

    /// <summary>Called on success with the tokens the last retry took (0 if the call succeeded at once).</summary>
    public void Release(int lastRetryCost)
    {
        lock (_gate)
        {
            _available = Math.Min(_capacity, _available + (lastRetryCost > 0 ? lastRetryCost : NoRetryIncrement));
        }
    }
}
