using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Patching;
using AwsIntegrations.Emulators.Kubernetes.Protobuf;
using AwsIntegrations.Emulators.Kubernetes.Selection;
using AwsIntegrations.Emulators.Kubernetes.Store;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>The HTTP face of the store: the real REST paths, verbs, content types and Status answers.</summary>
public sealed class KubernetesApi(ObjectStore store, KubernetesFaults faults, KubernetesEmulatorOptions options, TimeProvider time)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public ConcurrentQueue<(string Verb, string Resource)> Requests { get; } = new();

    /// <summary>Every API request with the client's User-Agent, API group and resource (with subresource).</summary>
    public ConcurrentQueue<ClientRequest> ClientRequests { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public ConcurrentQueue<string> ClientCertificateSubjects { get; } = new();

    public async Task HandleAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        Authorizations.Enqueue(authorization.Length == 0 ? null : authorization);
        if (context.Connection.ClientCertificate is { } certificate)
        {
            ClientCertificateSubjects.Enqueue(certificate.Subject);
        }
        try
        {
            if (options.RequiredToken is { } token && authorization != $"Bearer {token}")
            {
                throw new ApiError(401, "Unauthorized", "Unauthorized");
            }

            if (faults.Delay > TimeSpan.Zero)
            {
                await Task.Delay(faults.Delay, time, context.RequestAborted);
            }

            var path = context.Request.Path.Value ?? "/";
            if (path == "/_emulator/requests")
            {
                // Who called what, for the least-privilege check of the deploy manifests (deploy/ tests).
                var calls = new JsonArray(ClientRequests.Select(c => (JsonNode)new JsonObject
                {
                    ["userAgent"] = c.UserAgent, ["verb"] = c.Verb, ["group"] = c.Group, ["resource"] = c.Resource,
                }).ToArray());
                await WriteAsync(context, 200, new JsonObject { ["items"] = calls });
                return;
            }

            if (path is "/healthz" or "/livez" or "/readyz")
            {
                await WriteAsync(context, 200, null);
                return;
            }

            if (Discovery(context, path) is { } document)
            {
                await WriteAsync(context, 200, document);
                return;
            }

            var target = ApiPath.Parse(store, path)
                ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource");
            await ServeAsync(context, target);
        }
        catch (ApiError error)
        {
            if (error.RetryAfter is { } retry)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            if (!context.Response.HasStarted)
            {
                await WriteAsync(context, error.Code, error.ToStatus());
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private async Task ServeAsync(HttpContext context, ApiPath target)
    {
        var request = context.Request;
        var query = request.Query;
        var definition = target.Definition;
        var isWatch = QueryFlags.Read(query["watch"], "watch");
        var verb = (request.Method, target.Name) switch
        {
            ("GET", null) => isWatch ? "watch" : "list",
            ("GET", _) => "get",
            ("POST", null) => "create",
            ("PUT", not null) => "update",
            ("PATCH", not null) => "patch",
            ("DELETE", not null) => "delete",
            ("DELETE", null) => "deletecollection",
            _ => throw new ApiError(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
        Requests.Enqueue((verb, definition.Plural));
        ClientRequests.Enqueue(new ClientRequest(
            request.Headers.UserAgent.ToString(), verb, definition.Group,
            target.Subresource is null ? definition.Plural : $"{definition.Plural}/{target.Subresource}"));
        if (!string.IsNullOrEmpty(query["dryRun"]))
        {
            // Better a clear refusal than a "dry run" that writes.
            throw ApiError.BadRequest("dryRun is not supported by the emulator");
        }

        if (faults.Next(verb, definition.Plural) is { } fault)
        {
            throw fault;
        }

        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], definition);
        var table = TableFormat.Wanted(request.Headers.Accept);
        switch (verb)
        {
            case "watch":
                await new WatchStream(store, faults, options, time).ServeAsync(context, target, labels, fields, ParseVersion(query["resourceVersion"]), table);
                return;
            case "list":
                var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? l : (int?)null;
                var list = store.List(definition, target.Namespace, labels, fields, limit, query["continue"]);
                if (table)
                {
                    await WriteAsync(context, 200, TableFormat.Build(definition, list.Items, list.ResourceVersion, list.Continue, query["includeObject"], time.GetUtcNow()));
                }
                else
                {
                    await WriteListAsync(context, definition, list);
                }

                return;
            case "get":
                var found = store.Get(definition, target.Namespace, target.Name!) ?? throw ApiError.NotFound(definition, target.Name!);
                await WriteObjectAsync(context, 200, found, table, query["includeObject"]);
                return;
            case "create":
                var created = store.Create(definition, target.Namespace, await ReadObjectAsync(request, definition), ManagerOf(request));
                await WriteObjectAsync(context, 201, created, false, null);
                return;
            case "update":
                var body = await ReadObjectAsync(request, definition);
                var updated = store.Update(definition, target.Namespace, target.Name!, _ => body, target.Subresource == "status", ManagerOf(request));
                await WriteObjectAsync(context, 200, updated, false, null);
                return;
            case "patch":
                var mediaType = PatchMediaType(request.ContentType);
                var apply = Patcher(mediaType, await ReadNodeAsync(request));
                var patched = store.Update(definition, target.Namespace, target.Name!, apply, target.Subresource == "status", ManagerOf(request));
                await WriteObjectAsync(context, 200, patched, false, null);
                return;
            case "delete":
                var deleted = store.Delete(definition, target.Namespace, target.Name!, await ReadDeleteAsync(request));
                await WriteObjectAsync(context, 200, deleted, false, null);
                return;
            default:
                var deleteOptions = await ReadDeleteAsync(request);
                foreach (var item in store.List(definition, target.Namespace, labels, fields, null, null).Items)
                {
                    store.Delete(definition, item.Namespace, item.Name, deleteOptions);
                }

                await WriteListAsync(context, definition, new ListResult([], store.ResourceVersion, null, null));
                return;
        }
    }

    private static string ManagerOf(HttpRequest request) =>
        ManagedFields.ManagerOf(request.Query["fieldManager"], request.Headers.UserAgent.ToString());

    private static string PatchMediaType(string? contentType) =>
        contentType?.Split(';')[0].Trim() is "application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/json-patch+json"
            ? contentType.Split(';')[0].Trim()
            : throw new ApiError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json (got {contentType})");

    private static Func<JsonObject, JsonObject> Patcher(string mediaType, JsonNode? patch) => mediaType switch
    {
        "application/merge-patch+json" => current => AsObject(JsonMergePatch.Apply(current, patch)),
        "application/strategic-merge-patch+json" => current => AsObject(StrategicMergePatch.Apply(current, patch)),
        _ => current => AsObject(JsonPatch.Apply(current, patch)),
    };

    private static JsonObject AsObject(JsonNode? node) =>
        node as JsonObject ?? throw new ApiError(422, "Invalid", "the patch turned the object into something that is not an object");

    private JsonObject? Discovery(HttpContext context, string path)
    {
        var definitions = store.Definitions;
        return path.TrimEnd('/') switch
        {
            "/version" => DiscoveryDocuments.Version(),
            "/api" => DiscoveryDocuments.CoreVersions($"127.0.0.1:{context.Connection.LocalPort}"),
            "/apis" => DiscoveryDocuments.Groups(definitions),
            var p when p.StartsWith("/openapi/v3", StringComparison.Ordinal) =>
                OpenApiDocuments.Serve(definitions, p) ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource"),
            var p when p.StartsWith("/api/", StringComparison.Ordinal) && p.Count(c => c == '/') == 2 =>
                DiscoveryDocuments.Resources(definitions, "", p[5..]) ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource"),
            var p when p.StartsWith("/apis/", StringComparison.Ordinal) && p.Count(c => c == '/') == 2 =>
                DiscoveryDocuments.Group(definitions, p[6..]) ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource"),
            var p when p.StartsWith("/apis/", StringComparison.Ordinal) && p.Count(c => c == '/') == 3 =>
                DiscoveryDocuments.Resources(definitions, p.Split('/')[2], p.Split('/')[3]) ?? throw new ApiError(404, "NotFound", "the server could not find the requested resource"),
            _ => null,
        };
    }

    private static long? ParseVersion(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, CultureInfo.InvariantCulture, out var version) && version >= 0
            ? version
            : throw ApiError.BadRequest($"resourceVersion: Invalid value: \"{text}\": must be a non-negative integer");
    }

    private static async Task<JsonNode?> ReadNodeAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"the body of the request is not valid JSON: {e.Message}");
        }
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpRequest request, ResourceDefinition definition)
    {
        if (ProtobufBody.Is(request.ContentType))
        {
            return ProtobufBody.Supports(definition)
                ? ProtobufBody.Decode(await ReadBytesAsync(request), definition.GroupVersion, definition.Kind)
                : throw ProtobufBody.Unsupported(definition);
        }

        return await ReadNodeAsync(request) as JsonObject ?? throw ApiError.BadRequest("the body of the request must be a JSON object");
    }

    private static async Task<byte[]> ReadBytesAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private static async Task<DeleteRequest> ReadDeleteAsync(HttpRequest request)
    {
        var hasBody = request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;
        var body = !hasBody ? null
            : ProtobufBody.Is(request.ContentType) ? ProtobufBody.Decode(await ReadBytesAsync(request), "meta.k8s.io/v1", "DeleteOptions")
            : await ReadNodeAsync(request);
        var propagation = (string?)body?["propagationPolicy"] ?? request.Query["propagationPolicy"].ToString();
        if ((bool?)body?["orphanDependents"] is true)
        {
            propagation = "Orphan";
        }

        return new DeleteRequest(
            string.IsNullOrEmpty(propagation) ? null : propagation,
            (string?)body?["preconditions"]?["uid"],
            (string?)body?["preconditions"]?["resourceVersion"]);
    }

    private async Task WriteObjectAsync(HttpContext context, int code, StoredObject stored, bool table, string? includeObject)
    {
        if (table)
        {
            await WriteAsync(context, code, TableFormat.Build(stored.Definition, [stored], stored.ResourceVersion, null, includeObject, time.GetUtcNow()));
            return;
        }

        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(stored.Json);
    }

    private static async Task WriteListAsync(HttpContext context, ResourceDefinition definition, ListResult list)
    {
        var metadata = new JsonObject { ["resourceVersion"] = list.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (list.Continue is not null)
        {
            metadata["continue"] = list.Continue;
            metadata["remainingItemCount"] = list.RemainingItemCount;
        }

        var head = $"{{\"kind\":\"{definition.ListKind}\",\"apiVersion\":\"{definition.GroupVersion}\",\"metadata\":{metadata.ToJsonString()},\"items\":[";
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        var body = context.Response.BodyWriter;
        body.Write(Encoding.UTF8.GetBytes(head));
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(list.Items[i].Json);
            if (i % 256 == 255)
            {
                await body.FlushAsync(context.RequestAborted);
            }
        }

        body.Write("]}"u8);
        body.Write(NewLine);
        await body.FlushAsync(context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, int code, JsonNode? document)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(document?.ToJsonString() ?? "ok");
    }
}
