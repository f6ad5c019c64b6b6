using System.Collections.Concurrent;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Values that outlive one route-table build (compiled regular expressions, rate limiters and their counts): a build takes
/// them by key, and <see cref="Sweep"/> after it forgets those no build asked for since the previous sweep.
/// </summary>
public sealed class BuildCache<TValue>
    where TValue : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _generation;

    public int Count => _entries.Count;

    public TValue GetOrAdd(string key, Func<string, TValue> create)
    {
        var entry = _entries.GetOrAdd(key, static (k, f) => new Entry(f(k)), create);
        entry.Generation = Volatile.Read(ref _generation);
        return entry.Value;
    }

    /// <summary>Forgets what the last build did not use.</summary>
    public void Sweep()
    {
        var current = Volatile.Read(ref _generation);
        foreach (var (key, entry) in _entries)
        {
            if (entry.Generation != current)
            {
                _entries.TryRemove(key, out _);
            }
        }

        Interlocked.Increment(ref _generation);
    }

    private sealed class Entry(TValue value)
    {
        public TValue Value { get; } = value;

        public int Generation { get; set; }
    }
}
