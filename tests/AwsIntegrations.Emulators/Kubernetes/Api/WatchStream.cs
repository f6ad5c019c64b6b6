using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Selection;
using AwsIntegrations.Emulators.Kubernetes.Store;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>
/// A watch answer: chunked JSON lines {"type":…,"object":…}, BOOKMARKs when asked for, an ERROR event with a 410
/// Status when the version is older than the history, an orderly end at timeoutSeconds and an aborted connection when dropped.
/// </summary>
public sealed class WatchStream(ObjectStore store, KubernetesFaults faults, KubernetesEmulatorOptions options, TimeProvider time)
{
    public async Task ServeAsync(HttpContext context, ApiPath target, LabelSelector labels, FieldSelector fields, long? fromVersion, bool table)
    {
        var query = context.Request.Query;
        var bookmarks = QueryFlags.Read(query["allowWatchBookmarks"], "allowWatchBookmarks");
        var timeout = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : options.DefaultWatchTimeout;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var body = context.Response.BodyWriter;
        if (faults.Next("watch-event", target.Definition.Plural) is { } injected)
        {
            await WriteLineAsync(body, "ERROR", Encoding.UTF8.GetBytes(injected.ToStatus().ToJsonString()), context.RequestAborted);
            return;
        }

        Watcher watcher;
        try
        {
            watcher = store.Watch(target.Definition, target.Namespace, labels, fields, fromVersion);
        }
        catch (ApiError gone) when (gone.Code == 410)
        {
            await WriteLineAsync(body, "ERROR", Encoding.UTF8.GetBytes(gone.ToStatus().ToJsonString()), context.RequestAborted);
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(timeout);
        using var bookmarkTimer = bookmarks
            ? time.CreateTimer(_ => store.Bookmark(watcher), null, options.BookmarkInterval, options.BookmarkInterval)
            : null;
        try
        {
            await context.Response.StartAsync(deadline.Token);
            await body.FlushAsync(deadline.Token);
            var reader = watcher.Events;
            while (await reader.WaitToReadAsync(deadline.Token))
            {
                while (reader.TryRead(out var change))
                {
                    Write(body, change, target.Definition, table, query["includeObject"]);
                }

                await body.FlushAsync(deadline.Token);
            }

            if (watcher.Dropped)
            {
                context.Abort();
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            store.StopWatching(watcher);
        }
    }

    private void Write(System.IO.Pipelines.PipeWriter body, StoredEvent change, ResourceDefinition definition, bool table, string? includeObject)
    {
        byte[] payload;
        if (change.Type == "BOOKMARK")
        {
            payload = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["kind"] = definition.Kind,
                ["apiVersion"] = definition.GroupVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = change.ResourceVersion.ToString(CultureInfo.InvariantCulture) },
            }.ToJsonString());
        }
        else if (table)
        {
            payload = Encoding.UTF8.GetBytes(TableFormat.Build(definition, [change.Object], change.ResourceVersion, null, includeObject, time.GetUtcNow()).ToJsonString());
        }
        else
        {
            payload = change.Object.Json;
        }

        body.Write(Encoding.UTF8.GetBytes($"{{\"type\":\"{change.Type}\",\"object\":"));
        body.Write(payload);
        body.Write("}\n"u8);
    }

    private static async Task WriteLineAsync(System.IO.Pipelines.PipeWriter body, string type, byte[] payload, CancellationToken cancellationToken)
    {
        body.Write(Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":"));
        body.Write(payload);
        body.Write("}\n"u8);
        await body.FlushAsync(cancellationToken);
    }
}
