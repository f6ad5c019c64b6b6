using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>
/// The informer's thread-safe copy of the server's objects, keyed "namespace/name" (or "name"), with indexes kept up
/// to date on every change. Readers get the objects themselves: treat them as read-only.
/// </summary>
internal sealed class InformerCache<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    public const string NamespaceIndex = "namespace";
    public const string OwnerIndex = "owner";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indexes = new(StringComparer.Ordinal);

    public InformerCache(IEnumerable<KeyValuePair<string, Func<T, IEnumerable<string>>>>? indexers = null)
    {
        AddIndex(NamespaceIndex, o => o.Metadata.NamespaceProperty is { } ns ? [ns] : []);
        AddIndex(OwnerIndex, o => o.Metadata.OwnerReferences?.Select(r => r.Uid) ?? []);
        foreach (var (name, indexer) in indexers ?? [])
        {
            AddIndex(name, indexer);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public static string KeyOf(T obj) => KeyOf(obj.Metadata.NamespaceProperty, obj.Metadata.Name ?? "");

    public static string KeyOf(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";

    public T? Get(string? ns, string name)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(KeyOf(ns, name));
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    public IReadOnlyList<string> Keys()
    {
        lock (_gate)
        {
            return [.. _items.Keys];
        }
    }

    /// <summary>The objects whose index function yields <paramref name="value"/> (pods by IP, pods by node, dependents by owner uid…).</summary>
    public IReadOnlyList<T> ByIndex(string index, string value)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(index, out var entries))
            {
                throw new ArgumentException($"no index \"{index}\" (known: {string.Join(", ", _indexes.Keys)})", nameof(index));
            }

            return entries.TryGetValue(value, out var keys) ? [.. keys.Select(k => _items[k])] : [];
        }
    }

    /// <summary>Adds an index (also over the objects already cached). Re-adding a name replaces it.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexer)
    {
        lock (_gate)
        {
            _indexers[name] = indexer;
            var entries = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            _indexes[name] = entries;
            foreach (var (key, item) in _items)
            {
                foreach (var value in indexer(item))
                {
                    Entry(entries, value).Add(key);
                }
            }
        }
    }

    /// <summary>Stores the object; returns what it replaced.</summary>
    internal T? Upsert(T obj)
    {
        var key = KeyOf(obj);
        lock (_gate)
        {
            _items.TryGetValue(key, out var old);
            if (old is not null)
            {
                Unindex(key, old);
            }

            _items[key] = obj;
            Index(key, obj);
            return old;
        }
    }

    internal T? Remove(string key)
    {
        lock (_gate)
        {
            if (!_items.Remove(key, out var old))
            {
                return default;
            }

            Unindex(key, old);
            return old;
        }
    }

    private void Index(string key, T obj)
    {
        foreach (var (name, indexer) in _indexers)
        {
            foreach (var value in indexer(obj))
            {
                Entry(_indexes[name], value).Add(key);
            }
        }
    }

    private void Unindex(string key, T obj)
    {
        foreach (var (name, indexer) in _indexers)
        {
            var entries = _indexes[name];
            foreach (var value in indexer(obj))
            {
                if (entries.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    entries.Remove(value);
                }
            }
        }
    }

    private static HashSet<string> Entry(Dictionary<string, HashSet<string>> entries, string value)
    {
        if (!entries.TryGetValue(value, out var keys))
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            entries[value] = keys;
        }

        return keys;
    }
}
