using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

public sealed partial class KubernetesClient
{
    /// <summary>
    /// One watch connection as a stream of typed events. It ends when the server ends the watch (timeoutSeconds);
    /// an ERROR event is thrown as its typed exception (410 Gone: <see cref="KubernetesGoneException"/>, list again);
    /// a broken connection surfaces as an <see cref="IOException"/> or <see cref="HttpRequestException"/>.
    /// Reconnecting is the caller's choice (informers do it).
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? ns = null, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        var type = Registry.Get<T>();
        options ??= new WatchOptions();
        var query = QueryString.Of(
            ("watch", "true"),
            ("resourceVersion", options.ResourceVersion),
            ("allowWatchBookmarks", options.AllowWatchBookmarks ? "true" : null),
            ("timeoutSeconds", options.Timeout is { } timeout ? ((int)Math.Max(1, timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null),
            ("labelSelector", options.LabelSelector),
            ("fieldSelector", options.FieldSelector));
        using var response = await SendAsync("watch", type, null, () => new HttpRequestMessage(HttpMethod.Get, type.CollectionPath(ns) + query), false, cancellationToken, streaming: true).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadLine(ref buffer, out var line))
                {
                    if (WatchLineParser.Parse(line, type) is { } change)
                    {
                        yield return change;
                    }
                }

                if (result.IsCompleted)
                {
                    if (WatchLineParser.Parse(buffer, type) is { } last)
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
}
