using System.Globalization;
using System.Text;
using AwsIntegrations.Emulators.Kubernetes.Selection;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>
/// The emulator's etcd: every object of every kind, one global resourceVersion counter, a bounded watch
/// history (older versions answer 410 Gone) and the open watches. One lock orders all commits, so every watcher
/// sees changes in resourceVersion order.
/// </summary>
public sealed partial class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceDefinition, Table> _tables;
    private readonly Dictionary<string, StoredObject> _byUid = new(StringComparer.Ordinal);
    private readonly Queue<StoredEvent> _history = new();
    private readonly List<Watcher> _watchers = [];
    private readonly TimeProvider _time;
    private long _resourceVersion;
    private long _historyStart;

    public ObjectStore(IEnumerable<ResourceDefinition> definitions, TimeProvider? time = null, int historyCapacity = 200_000)
    {
        _tables = definitions.ToDictionary(d => d, d => new Table());
        _time = time ?? TimeProvider.System;
        HistoryCapacity = historyCapacity;
    }

    public int HistoryCapacity { get; }

    public IReadOnlyCollection<ResourceDefinition> Definitions => _tables.Keys;

    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    public ResourceDefinition? Find(string group, string version, string plural) =>
        _tables.Keys.FirstOrDefault(d => d.Group == group && d.Version == version && d.Plural == plural);

    public ResourceDefinition Definition(string kind) =>
        _tables.Keys.FirstOrDefault(d => d.Kind == kind) ?? throw new ArgumentException($"no kind {kind}", nameof(kind));

    public StoredObject? Get(ResourceDefinition definition, string? ns, string name)
    {
        lock (_gate)
        {
            return _tables[definition].Objects.GetValueOrDefault(KeyOf(definition, ns, name));
        }
    }

    /// <summary>Every object of a kind (optionally in one namespace), for tests' assertions.</summary>
    public IReadOnlyList<StoredObject> All(ResourceDefinition definition, string? ns = null)
    {
        lock (_gate)
        {
            return [.. _tables[definition].Objects.Values.Where(o => ns is null || o.Namespace == ns).OrderBy(o => o.Key, StringComparer.Ordinal)];
        }
    }

    public ListResult List(ResourceDefinition definition, string? ns, LabelSelector labels, FieldSelector fields, int? limit, string? continueToken)
    {
        lock (_gate)
        {
            var table = _tables[definition];
            var listVersion = _resourceVersion;
            var after = "";
            if (!string.IsNullOrEmpty(continueToken))
            {
                (listVersion, after) = DecodeContinue(continueToken);
                if (listVersion < _historyStart)
                {
                    throw ApiError.Gone(
                        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
                }
            }

            var prefix = ns is null || !definition.Namespaced ? "" : ns + "/";
            var view = table.Keys.GetViewBetween(after.Length > 0 ? after : prefix, prefix + "\uffff");
            var items = new List<StoredObject>();
            var more = false;
            foreach (var key in view)
            {
                if (key == after)
                {
                    continue;
                }

                var candidate = table.Objects[key];
                if (!labels.Matches(candidate.Labels) || !fields.Matches(candidate.Fields))
                {
                    continue;
                }

                // Like the real server, stop at the first match past the page instead of counting the rest.
                if (limit is > 0 && items.Count == limit)
                {
                    more = true;
                    break;
                }

                items.Add(candidate);
            }

            var next = more ? EncodeContinue(listVersion, items[^1].Key) : null;
            return new ListResult(items, listVersion, next, null);
        }
    }

    /// <summary>
    /// Opens a watch from <paramref name="fromVersion"/> (null or 0: the current state as ADDED events first).
    /// Throws 410 Gone when that version is older than the history kept.
    /// </summary>
    public Watcher Watch(ResourceDefinition definition, string? ns, LabelSelector labels, FieldSelector fields, long? fromVersion)
    {
        var watcher = new Watcher(definition, definition.Namespaced ? ns : null, labels, fields);
        lock (_gate)
        {
            if (fromVersion is null or 0)
            {
                foreach (var existing in _tables[definition].Objects.Values.OrderBy(o => o.ResourceVersion))
                {
                    watcher.Offer(new StoredEvent(existing.ResourceVersion, "ADDED", existing, null));
                }
            }
            else if (fromVersion < _historyStart)
            {
                throw ApiError.Gone($"too old resource version: {fromVersion} ({_historyStart})");
            }
            else
            {
                foreach (var change in _history.Where(e => e.ResourceVersion > fromVersion))
                {
                    watcher.Offer(change);
                }
            }

            _watchers.Add(watcher);
        }

        return watcher;
    }

    public void StopWatching(Watcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
            watcher.Close();
        }
    }

    /// <summary>Queues a BOOKMARK carrying the current resourceVersion behind every event already queued.</summary>
    public void Bookmark(Watcher watcher)
    {
        lock (_gate)
        {
            watcher.Bookmark(_resourceVersion);
        }
    }

    /// <summary>Ends every open watch abruptly (the connections are aborted).</summary>
    public void DropWatches()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Drop();
            }

            _watchers.Clear();
        }
    }

    /// <summary>Forgets the watch history, as a compaction or an API server restart does: older versions get 410 Gone.</summary>
    public void CompactHistory()
    {
        lock (_gate)
        {
            _history.Clear();
            _historyStart = _resourceVersion;
        }
    }

    private static string KeyOf(ResourceDefinition definition, string? ns, string name) =>
        definition.Namespaced ? $"{ns}/{name}" : name;

    private static string EncodeContinue(long version, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{version.ToString(CultureInfo.InvariantCulture)}|{key}"));

    private static (long Version, string Key) DecodeContinue(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return (long.Parse(text[..bar], CultureInfo.InvariantCulture), text[(bar + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or OverflowException)
        {
            throw ApiError.BadRequest($"continue key is not valid: {e.Message}");
        }
    }

    private sealed class Table
    {
        public Dictionary<string, StoredObject> Objects { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
