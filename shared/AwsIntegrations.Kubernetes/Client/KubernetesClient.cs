using AwsIntegrations.Hosting.RateLimiting;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Metrics;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>
/// The Kubernetes API over HTTP: generic verbs over registered kinds, with a client-side rate limit, retries where
/// safe, typed errors and kube_api_calls metrics. Thread-safe; one per process is enough.
/// </summary>
public sealed partial class KubernetesClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly KubernetesConnection _connection;
    private readonly KubernetesClientSettings _settings;
    private readonly TokenBucket _limiter;
    private readonly KubernetesMetrics _metrics;

    public KubernetesClient(KubernetesConnection connection, KubernetesClientSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _settings = settings ?? new KubernetesClientSettings();
        _http = new HttpClient(_settings.Handler ?? KubernetesHttpHandlerFactory.Create(connection))
        {
            BaseAddress = connection.Server,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        // Like client-go's "<program>/<version>": audit logs (and the emulator's RBAC check) tell the services apart.
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(_settings.UserAgent ?? DefaultUserAgent);
        _limiter = new TokenBucket(_settings.Qps, _settings.Burst, _settings.Time);
        _metrics = new KubernetesMetrics(_settings.MeterFactory);
    }

    public static string DefaultUserAgent { get; } =
        $"{System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "aws-integrations"}/{typeof(KubernetesClient).Assembly.GetName().Version} (aws-integrations)";

    /// <summary>The namespace of the configuration (the pod's own namespace in-cluster).</summary>
    public string DefaultNamespace => _connection.Namespace;

    public KubernetesConnection Connection => _connection;

    public ResourceRegistry Registry => _settings.Registry;

    public TimeProvider Time => _settings.Time;

    public async Task<T> GetAsync<T>(string? ns, string name, CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        var type = Registry.Get<T>();
        using var response = await SendAsync("get", type, name, () => new HttpRequestMessage(HttpMethod.Get, type.ObjectPath(ns, name)), true, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, type.TypeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="GetAsync{T}"/>, but null when the object does not exist.</summary>
    public async Task<T?> FindAsync<T>(string? ns, string name, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject
    {
        try
        {
            return await GetAsync<T>(ns, name, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }

    /// <summary>One page (or, without a limit, all) of a kind in a namespace (null: all namespaces).</summary>
    public async Task<KubernetesList<T>> ListAsync<T>(string? ns = null, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        var type = Registry.Get<T>();
        options ??= new ListOptions();
        var query = QueryString.Of(
            ("labelSelector", options.LabelSelector),
            ("fieldSelector", options.FieldSelector),
            ("limit", options.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("continue", options.Continue),
            ("resourceVersion", options.ResourceVersion));
        using var response = await SendAsync("list", type, null, () => new HttpRequestMessage(HttpMethod.Get, type.CollectionPath(ns) + query), true, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, type.ListTypeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every object, fetched page by page (<paramref name="pageSize"/> per request).</summary>
    public async IAsyncEnumerable<T> ListAllAsync<T>(string? ns = null, ListOptions? options = null, int pageSize = 500, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        var page = (options ?? new ListOptions()) with { Limit = pageSize, Continue = null };
        while (true)
        {
            var list = await ListAsync<T>(ns, page, cancellationToken).ConfigureAwait(false);
            foreach (var item in list.Items)
            {
                yield return item;
            }

            if (string.IsNullOrEmpty(list.Metadata.Continue))
            {
                yield break;
            }

            page = page with { Continue = list.Metadata.Continue };
        }
    }

    /// <summary>Creates the object in its metadata.namespace; metadata.generateName is honoured when name is empty.</summary>
    public async Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        var type = Registry.Get<T>();
        Stamp(obj, type);
        var ns = NamespaceOf(obj, type);
        using var response = await SendAsync("create", type, obj.Metadata.Name ?? obj.Metadata.GenerateName, () => new HttpRequestMessage(HttpMethod.Post, type.CollectionPath(ns)) { Content = Body(obj, type) }, false, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, type.TypeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PUT: replaces the object; fails with <see cref="KubernetesConflictException"/> when metadata.resourceVersion is stale.</summary>
    public Task<T> UpdateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : IKubernetesObject => PutAsync(obj, "", cancellationToken);

    /// <summary>PUT on /status: only the status is written.</summary>
    public Task<T> UpdateStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : IKubernetesObject => PutAsync(obj, "/status", cancellationToken);

    public Task<T> PatchAsync<T>(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default)
        where T : IKubernetesObject => SendPatchAsync<T>(ns, name, patch, "", cancellationToken);

    public Task<T> PatchStatusAsync<T>(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default)
        where T : IKubernetesObject => SendPatchAsync<T>(ns, name, patch, "/status", cancellationToken);

    /// <summary>Deletes the object. With finalizers it stays (with a deletionTimestamp) until they are removed.</summary>
    public async Task DeleteAsync<T>(string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : IKubernetesObject
    {
        var type = Registry.Get<T>();
        var body = DeleteBody(options ?? new DeleteOptions());
        using var response = await SendAsync(
            "delete",
            type,
            name,
            () => new HttpRequestMessage(HttpMethod.Delete, type.ObjectPath(ns, name)) { Content = JsonBody(body.ToJsonString(), "application/json") },
            false,
            cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> PutAsync<T>(T obj, string subresource, CancellationToken cancellationToken)
        where T : IKubernetesObject
    {
        var type = Registry.Get<T>();
        Stamp(obj, type);
        var name = obj.Metadata.Name ?? throw new ArgumentException("metadata.name is required to update", nameof(obj));
        var ns = NamespaceOf(obj, type);
        using var response = await SendAsync("update", type, name, () => new HttpRequestMessage(HttpMethod.Put, type.ObjectPath(ns, name) + subresource) { Content = Body(obj, type) }, false, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, type.TypeInfo, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendPatchAsync<T>(string? ns, string name, KubernetesPatch patch, string subresource, CancellationToken cancellationToken)
        where T : IKubernetesObject
    {
        var type = Registry.Get<T>();
        var text = patch.Body.ToJsonString();
        using var response = await SendAsync("patch", type, name, () => new HttpRequestMessage(HttpMethod.Patch, type.ObjectPath(ns, name) + subresource) { Content = JsonBody(text, patch.ContentType) }, false, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, type.TypeInfo, cancellationToken).ConfigureAwait(false);
    }

    private static void Stamp<T>(T obj, ResourceType<T> type)
        where T : IKubernetesObject
    {
        obj.ApiVersion ??= type.ApiVersion;
        obj.Kind ??= type.Kind;
    }

    private static string? NamespaceOf<T>(T obj, ResourceType<T> type)
        where T : IKubernetesObject =>
        !type.Namespaced ? null
        : string.IsNullOrEmpty(obj.Metadata.Namespace) ? throw new ArgumentException($"{type.Kind} is namespaced: metadata.namespace is required", nameof(obj))
        : obj.Metadata.Namespace;

    private static ByteArrayContent Body<T>(T obj, ResourceType<T> type)
        where T : IKubernetesObject
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(obj, type.TypeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static StringContent JsonBody(string text, string contentType) =>
        new(text, System.Text.Encoding.UTF8, new MediaTypeHeaderValue(contentType));

    private static JsonObject DeleteBody(DeleteOptions options)
    {
        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1" };
        if (options.PropagationPolicy is { } policy)
        {
            body["propagationPolicy"] = policy.ToString();
        }

        if (options.GracePeriodSeconds is { } grace)
        {
            body["gracePeriodSeconds"] = grace;
        }

        if (options.PreconditionUid is not null || options.PreconditionResourceVersion is not null)
        {
            var preconditions = new JsonObject();
            if (options.PreconditionUid is { } uid)
            {
                preconditions["uid"] = uid;
            }

            if (options.PreconditionResourceVersion is { } rv)
            {
                preconditions["resourceVersion"] = rv;
            }

            body["preconditions"] = preconditions;
        }

        return body;
    }
}
