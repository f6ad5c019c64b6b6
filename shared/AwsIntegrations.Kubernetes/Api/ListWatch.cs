using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AwsIntegrations.Kubernetes.Client;
using k8s;

namespace AwsIntegrations.Kubernetes.Api;

/// <summary>
/// List and watch of any kind of KubernetesClient model, over the connection's HTTP pipeline: what the informers need,
/// generically (KubernetesClient has one method per kind). The watch reads the stream line by line and decodes each event
/// once, straight into the model (KubernetesClient's watch parses every line twice). Reconnecting is the caller's choice.
/// </summary>
public static class ListWatch
{
    /// <summary>One page (or, without a limit, all) of a kind in a namespace (null: all namespaces).</summary>
    public static async Task<ResourceList<T>> ListAsync<T>(this KubernetesConnection connection, string? ns = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new ListOptions();
        var query = QueryString(
            ("labelSelector", options.LabelSelector),
            ("fieldSelector", options.FieldSelector),
            ("limit", options.Limit?.ToString(CultureInfo.InvariantCulture)),
            ("continue", options.Continue),
            ("resourceVersion", options.ResourceVersion));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(connection.RequestTimeout);
        using var response = await connection.GetAsync(ResourceType<T>.CollectionPath(ns) + query, timeout.Token).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var info = (JsonTypeInfo<ResourceList<T>>)connection.Json.GetTypeInfo(typeof(ResourceList<T>));
            return await JsonSerializer.DeserializeAsync(stream, info, timeout.Token).ConfigureAwait(false)
                ?? throw new JsonException($"list {ResourceType<T>.Plural}: the server answered null");
        }
    }

    /// <summary>Every object, fetched page by page (<paramref name="pageSize"/> per request).</summary>
    public static async IAsyncEnumerable<T> ListAllAsync<T>(this KubernetesConnection connection, string? ns = null, ListOptions? options = null, int pageSize = 500, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        var page = (options ?? new ListOptions()) with { Limit = pageSize, Continue = null };
        while (true)
        {
            var list = await connection.ListAsync<T>(ns, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in list.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(list.Metadata.ContinueProperty))
            {
                yield break;
            }

            page = page with { Continue = list.Metadata.ContinueProperty };
        }
    }

    /// <summary>
    /// One watch connection as a stream of typed events. It ends when the server ends the watch (timeoutSeconds); an
    /// ERROR event is thrown as a <see cref="KubernetesException"/> carrying its status (410 Gone: list again); a refused
    /// request as KubernetesClient's HttpOperationException; a broken connection as an IOException or HttpRequestException.
    /// </summary>
    public static async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(this KubernetesConnection connection, string? ns = null, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new WatchOptions();
        var query = QueryString(
            ("watch", "true"),
            ("resourceVersion", options.ResourceVersion),
            ("allowWatchBookmarks", options.AllowWatchBookmarks ? "true" : null),
            ("timeoutSeconds", options.Timeout is { } timeout ? ((int)Math.Max(1, timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null),
            ("labelSelector", options.LabelSelector),
            ("fieldSelector", options.FieldSelector));
        using var response = await connection.GetAsync(ResourceType<T>.CollectionPath(ns) + query, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        var parser = new WatchLineParser<T>(connection.Json);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadLine(ref buffer, out var line))
                {
                    if (parser.Parse(line) is { } change)
                    {
                        yield return change;
                    }
                }

                if (result.IsCompleted)
                {
                    if (parser.Parse(buffer) is { } last)
                    {
                        yield return last;
                    }

                    yield break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is not { } end)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end);
        buffer = buffer.Slice(buffer.GetPosition(1, end));
        return true;
    }

    private static string QueryString(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
