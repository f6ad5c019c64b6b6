using AwsIntegrations.Kubernetes.Api;
using k8s;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kubernetes.Informers;

public sealed partial class Informer<T>
{
    private void Apply(WatchEvent<T> change)
    {
        if (change.Type == WatchEventType.Bookmark)
        {
            return;
        }

        lock (_dispatchGate)
        {
            if (change.Type == WatchEventType.Deleted)
            {
                if (Cache.Remove(InformerCache<T>.KeyOf(change.Object)) is { } removed)
                {
                    Notify(h => h.OnDelete?.Invoke(change.Object ?? removed));
                }

                return;
            }

            Store(change.Object);
        }
    }

    /// <summary>Makes the cache equal to a fresh list, announcing exactly the differences.</summary>
    private void Replace(IReadOnlyList<T> items)
    {
        lock (_dispatchGate)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                listed.Add(InformerCache<T>.KeyOf(item));
                Store(item);
            }

            foreach (var key in Cache.Keys().Where(k => !listed.Contains(k)))
            {
                if (Cache.Remove(key) is { } gone)
                {
                    Notify(h => h.OnDelete?.Invoke(gone));
                }
            }
        }
    }

    private void Resync()
    {
        lock (_dispatchGate)
        {
            foreach (var item in Cache.List())
            {
                Notify(h => h.OnUpdate?.Invoke(item, item));
            }
        }
    }

    /// <summary>Caches the object; announces it as new, or as changed when its resourceVersion moved (never twice for one version).</summary>
    private void Store(T item)
    {
        var old = Cache.Upsert(item);
        if (old is null)
        {
            Notify(h => h.OnAdd?.Invoke(item));
        }
        else if (old.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
        {
            Notify(h => h.OnUpdate?.Invoke(old, item));
        }
    }

    private void Notify(Action<InformerHandler<T>> notify)
    {
        foreach (var handler in _handlers)
        {
            Invoke(() => notify(handler));
        }
    }

    private void Invoke(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            // A failing handler must not stop the informer for every other consumer.
            Log.HandlerFailed(_logger, Description, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1120, LogLevel.Information, "informer {Informer}: watch version expired ({Reason}); listing again")]
        public static partial void Expired(ILogger logger, string informer, string reason);

        [LoggerMessage(1121, LogLevel.Warning, "informer {Informer}: list/watch failed, retrying in {DelayMs:0} ms: {Reason}")]
        public static partial void Failed(ILogger logger, string informer, double delayMs, string reason);

        [LoggerMessage(1122, LogLevel.Error, "informer {Informer}: an event handler threw")]
        public static partial void HandlerFailed(ILogger logger, string informer, Exception exception);
    }
}
