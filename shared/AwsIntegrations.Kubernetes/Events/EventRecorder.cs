using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AwsIntegrations.Hosting.RateLimiting;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Kubernetes.Events;

/// <summary>
/// Writes core/v1 Events about objects (what `kubectl describe` shows), in the background so callers never wait on the
/// API. Repeats of the same event become one Event whose count and lastTimestamp grow; repeats queued together are
/// merged into one write, and each object gets at most <see cref="EventRecorderOptions.BurstPerObject"/> writes, then
/// one per refill period (suppressed repeats are added to the next write's count). A hot loop cannot flood the API.
/// A repeat is a merge patch of count, lastTimestamp and message only.
/// </summary>
public sealed partial class EventRecorder : IAsyncDisposable
{
    private const int MaxMessageLength = 1024;

    private readonly IKubernetes _client;
    private readonly EventRecorderOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<EventKey, Aggregate> _aggregates = [];
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Task _writer;

    public EventRecorder(KubernetesConnection connection, EventRecorderOptions options, ILogger<EventRecorder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _client = connection.Client;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = connection.Time;
        _writer = Task.Run(WriteLoopAsync);
    }

    public void Normal(IKubernetesObject<V1ObjectMeta> about, string reason, string message) => Record(about, "Normal", reason, message);

    public void Warning(IKubernetesObject<V1ObjectMeta> about, string reason, string message) => Record(about, "Warning", reason, message);

    public void Record(IKubernetesObject<V1ObjectMeta> about, string type, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(about);
        var (apiVersion, kind) = ApiVersionAndKind.Of(about);
        var reference = new V1ObjectReference
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = about.Metadata.Name,
            NamespaceProperty = about.Metadata.NamespaceProperty,
            Uid = about.Metadata.Uid,
            ResourceVersion = about.Metadata.ResourceVersion,
        };
        var text = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        _queue.Writer.TryWrite(new Item(new EventKey(reference.Kind, reference.NamespaceProperty, reference.Name, reference.Uid, type, reason, text), reference, _time.GetUtcNow(), null));
    }

    /// <summary>Completes when everything recorded before the call has been written (or given up on).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Writer.TryWrite(new Item(default, null, default, done));
        return done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Item>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 10_000 && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            foreach (var group in batch.Where(i => i.Flushed is null).GroupBy(i => i.Key))
            {
                try
                {
                    await WriteAsync(group.Key, group.First().Reference!, group.Count(), group.Max(i => i.At)).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Events are best effort: nothing about one event may stop the recorder.
                    Log.WriteFailed(_logger, group.Key.Reason, group.Key.Kind, group.Key.Namespace, group.Key.Name, e.Message);
                }
            }

            foreach (var flush in batch.Where(i => i.Flushed is not null))
            {
                flush.Flushed!.TrySetResult();
            }
        }
    }

    private async Task WriteAsync(EventKey key, V1ObjectReference reference, int repeats, DateTimeOffset at)
    {
        if (!_aggregates.TryGetValue(key, out var aggregate))
        {
            if (_aggregates.Count >= _options.CacheSize)
            {
                _aggregates.Clear();
            }

            aggregate = new Aggregate(EventName(reference.Name, at), reference.NamespaceProperty ?? "default", at);
            _aggregates[key] = aggregate;
        }

        aggregate.Unsent += repeats;
        if (!Bucket(key.ObjectKey).TryTake())
        {
            Log.Suppressed(_logger, key.Reason, key.Kind, key.Namespace, key.Name);
            return;
        }

        var count = aggregate.Sent + aggregate.Unsent;
        try
        {
            if (aggregate.Sent > 0)
            {
                try
                {
                    var patch = new JsonObject
                    {
                        ["count"] = count,
                        ["lastTimestamp"] = Timestamp(at),
                        ["message"] = key.Message,
                    };
                    await _client.CoreV1.PatchNamespacedEventAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), aggregate.Name, aggregate.Namespace).ConfigureAwait(false);
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
                {
                    // The Event expired (events have a TTL) or was deleted: start a new one carrying the count.
                    aggregate.Name = EventName(reference.Name, at);
                    await CreateAsync(key, reference, aggregate, count, at).ConfigureAwait(false);
                }
            }
            else
            {
                await CreateAsync(key, reference, aggregate, count, at).ConfigureAwait(false);
            }

            aggregate.Sent = count;
            aggregate.Unsent = 0;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException)
        {
            Log.WriteFailed(_logger, key.Reason, key.Kind, key.Namespace, key.Name, e.Message);
        }
    }

    private async Task CreateAsync(EventKey key, V1ObjectReference reference, Aggregate aggregate, int count, DateTimeOffset at) =>
        await _client.CoreV1.CreateNamespacedEventAsync(
            new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = aggregate.Name, NamespaceProperty = aggregate.Namespace },
                InvolvedObject = reference,
                Type = key.Type,
                Reason = key.Reason,
                Message = key.Message,
                Count = count,
                FirstTimestamp = WholeSeconds(aggregate.FirstSeen),
                LastTimestamp = WholeSeconds(at),
                Source = new V1EventSource { Component = _options.Component, Host = _options.Instance },
                ReportingComponent = _options.Component,
                ReportingInstance = _options.Instance,
            },
            aggregate.Namespace).ConfigureAwait(false);

    private TokenBucket Bucket(string objectKey)
    {
        if (!_buckets.TryGetValue(objectKey, out var bucket))
        {
            if (_buckets.Count >= _options.CacheSize)
            {
                _buckets.Clear();
            }

            bucket = new TokenBucket(1 / _options.RefillPeriodPerObject.TotalSeconds, _options.BurstPerObject, _time);
            _buckets[objectKey] = bucket;
        }

        return bucket;
    }

    private static string EventName(string? objectName, DateTimeOffset at) =>
        $"{objectName}.{(at.UtcTicks * 100).ToString("x", CultureInfo.InvariantCulture)}{Random.Shared.Next(0x1000):x3}";

    /// <summary>metav1.Time has whole seconds (KubernetesClient would write the fraction too).</summary>
    private static DateTime WholeSeconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record Item(EventKey Key, V1ObjectReference? Reference, DateTimeOffset At, TaskCompletionSource? Flushed);

    private sealed class Aggregate(string name, string ns, DateTimeOffset firstSeen)
    {
        public string Name { get; set; } = name;

        public string Namespace { get; } = ns;

        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public int Sent { get; set; }

        public int Unsent { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(1101, LogLevel.Debug, "event {Reason} on {Kind} {Namespace}/{Name} suppressed by the per-object rate limit")]
        public static partial void Suppressed(ILogger logger, string reason, string? kind, string? @namespace, string? name);

        [LoggerMessage(1102, LogLevel.Warning, "could not write event {Reason} on {Kind} {Namespace}/{Name}: {Error}")]
        public static partial void WriteFailed(ILogger logger, string reason, string? kind, string? @namespace, string? name, string error);
    }
}
