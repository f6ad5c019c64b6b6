using System.Collections.Concurrent;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// At most <c>maxHits</c> requests per client in any window of the given length (a sliding log of the last maxHits request
/// times per client, as skipper's circular-buffer limiter keeps them). Clients idle for a whole window are forgotten every ten
/// windows (skipper's clean interval), so memory follows the clients seen recently: clients × maxHits × 8 bytes.
/// </summary>
public sealed class SlidingWindowLimiter(int maxHits, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ClientLog> _clients = new(StringComparer.Ordinal);
    private readonly long _windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
    private long _nextCleanup = time.GetTimestamp() + (long)(window.TotalSeconds * time.TimestampFrequency * 10);

    public int MaxHits => maxHits;

    public TimeSpan Window => window;

    public int Clients => _clients.Count;

    /// <summary>Counts the request if the client is below the limit; otherwise says how long until its oldest request leaves the window.</summary>
    public bool TryAcquire(string client, out TimeSpan retryAfter)
    {
        var now = time.GetTimestamp();
        CleanUpIfDue(now);
        var log = _clients.GetOrAdd(client, static (_, size) => new ClientLog(size), maxHits);
        lock (log)
        {
            var oldest = log.Times[log.Next];
            if (log.Count < maxHits || now - oldest >= _windowTicks)
            {
                log.Times[log.Next] = now;
                log.Next = (log.Next + 1) % maxHits;
                log.Count = Math.Min(log.Count + 1, maxHits);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((double)(oldest + _windowTicks - now) / time.TimestampFrequency);
            return false;
        }
    }

    private void CleanUpIfDue(long now)
    {
        var due = Volatile.Read(ref _nextCleanup);
        if (now < due || Interlocked.CompareExchange(ref _nextCleanup, now + (_windowTicks * 10), due) != due)
        {
            return;
        }

        foreach (var (client, log) in _clients)
        {
            lock (log)
            {
                var newest = log.Times[(log.Next + maxHits - 1) % maxHits];
                if (now - newest >= _windowTicks)
                {
                    _clients.TryRemove(client, out _);
                }
            }
        }
    }

    private sealed class ClientLog(int size)
    {
        public long[] Times { get; } = new long[size];

        public int Next { get; set; }

        public int Count { get; set; }
    }
}
