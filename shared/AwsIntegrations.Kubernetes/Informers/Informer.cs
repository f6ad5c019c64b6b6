using System.Net;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>
/// List + watch of one kind (in one namespace, with one selector) into an <see cref="InformerCache{T}"/>, with
/// notifications. After any disconnect it resumes the watch from the last version seen; when that version is gone
/// (410) or the server sends an ERROR, it lists again and turns the difference into adds, updates and deletes, so the
/// cache always converges on the server's state without losing or duplicating objects.
/// </summary>
public sealed partial class Informer<T> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly KubernetesConnection _client;
    private readonly string? _namespace;
    private readonly string? _labelSelector;
    private readonly string? _fieldSelector;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _dispatchGate = new();
    private readonly List<InformerHandler<T>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private ITimer? _resync;
    private long _relists;
    private long _watches;

    public Informer(KubernetesConnection client, string? ns = null, string? labelSelector = null, string? fieldSelector = null, InformerOptions? options = null, ILogger? logger = null, IEnumerable<KeyValuePair<string, Func<T, IEnumerable<string>>>>? indexes = null)
    {
        _client = client;
        _namespace = ns;
        _labelSelector = labelSelector;
        _fieldSelector = fieldSelector;
        _options = options ?? new InformerOptions();
        _logger = logger ?? NullLogger.Instance;
        Cache = new InformerCache<T>(indexes ?? InformerIndexes.For<T>());
    }

    internal InformerCache<T> Cache { get; }

    public string Description => $"{ResourceType<T>.Plural} ns={_namespace ?? "*"} labels={_labelSelector ?? "*"} fields={_fieldSelector ?? "*"}";

    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The resourceVersion the cache reflects.</summary>
    public string? LastSyncResourceVersion { get; private set; }

    /// <summary>How many full lists were made (1 after the initial sync).</summary>
    public long Lists => Interlocked.Read(ref _relists);

    /// <summary>How many watch connections were opened.</summary>
    public long Watches => Interlocked.Read(ref _watches);

    public T? Get(string? ns, string name) => Cache.Get(ns, name);

    public IReadOnlyList<T> List() => Cache.List();

    public IReadOnlyList<T> ByIndex(string index, string value) => Cache.ByIndex(index, value);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Registers notifications; objects already cached are announced to it as adds first.</summary>
    public IDisposable AddHandler(InformerHandler<T> handler)
    {
        lock (_dispatchGate)
        {
            _handlers.Add(handler);
            foreach (var existing in Cache.List())
            {
                Invoke(() => handler.OnAdd?.Invoke(existing));
            }
        }

        return new Registration(this, handler);
    }

    /// <summary>Starts listing and watching (once; later calls do nothing).</summary>
    public Informer<T> Start()
    {
        lock (_dispatchGate)
        {
            _loop ??= Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_resync is not null)
        {
            await _resync.DisposeAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(_options.InitialBackoff, _options.MaxBackoff);
        string? version = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (version is null)
                {
                    version = await ListAsync(cancellationToken).ConfigureAwait(false);
                    backoff.Reset();
                    if (_resync is null && _options.ResyncPeriod is { } period && period > TimeSpan.Zero)
                    {
                        _resync = _client.Time.CreateTimer(_ => Resync(), null, period, period);
                    }

                    _synced.TrySetResult();
                }

                var opened = _client.Time.GetTimestamp();
                (version, var events) = await WatchAsync(version, backoff, cancellationToken).ConfigureAwait(false);
                if (events == 0 && _client.Time.GetElapsedTime(opened) < TimeSpan.FromSeconds(1))
                {
                    // A watch the server ends at once, again and again, must not become a busy loop.
                    await Task.Delay(backoff.Next(), _client.Time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsGone(e))
            {
                Log.Expired(_logger, Description, e.Message);
                version = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // An ERROR event inside the watch means the stream is no longer trustworthy: list again. A refused request
                // (429, 5xx) or a broken connection resumes the watch from the last version seen.
                if (e is KubernetesException)
                {
                    version = null;
                }

                var delay = backoff.Next();
                Log.Failed(_logger, Description, delay.TotalMilliseconds, e.Message);
                try
                {
                    await Task.Delay(delay, _client.Time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var items = new List<T>();
            var options = new ListOptions { LabelSelector = _labelSelector, FieldSelector = _fieldSelector, Limit = _options.PageSize };
            string? version = null;
            try
            {
                do
                {
                    var page = await _client.ListAsync<T>(_namespace, options, cancellationToken).ConfigureAwait(false);
                    version ??= page.Metadata.ResourceVersion;
                    items.AddRange(page.Items.Select(ManagedFieldsTransform.Strip));
                    options = options with { Continue = page.Metadata.ContinueProperty };
                }
                while (!string.IsNullOrEmpty(options.Continue));
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone)
            {
                // The continue token outlived the server's history: start the list over.
                continue;
            }

            Interlocked.Increment(ref _relists);
            Replace(items);
            LastSyncResourceVersion = version;
            return version ?? "0";
        }
    }

    /// <summary>Follows one watch connection; returns the last version seen and how many events came, when the server ends it normally.</summary>
    private async Task<(string Version, int Events)> WatchAsync(string version, Backoff backoff, CancellationToken cancellationToken)
    {
        var events = 0;
        Interlocked.Increment(ref _watches);
        var timeout = _options.WatchTimeout * (1 + Random.Shared.NextDouble());
        var options = new WatchOptions
        {
            ResourceVersion = version,
            LabelSelector = _labelSelector,
            FieldSelector = _fieldSelector,
            AllowWatchBookmarks = true,
            Timeout = timeout,
        };
        await foreach (var change in _client.WatchAsync<T>(_namespace, options, cancellationToken).ConfigureAwait(false))
        {
            events++;
            backoff.Reset();
            ManagedFieldsTransform.Strip(change.Object);
            Apply(change);
            version = change.Object.Metadata.ResourceVersion ?? version;
            LastSyncResourceVersion = version;
        }

        return (version, events);
    }

    /// <summary>410 Gone, as the answer to the watch request or as an ERROR event in it: the version is too old, list again.</summary>
    private static bool IsGone(Exception e) =>
        e is HttpOperationException { Response.StatusCode: HttpStatusCode.Gone } or KubernetesException { Status.Code: 410 };

    private sealed class Registration(Informer<T> owner, InformerHandler<T> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._dispatchGate)
            {
                owner._handlers.Remove(handler);
            }
        }
    }
}
