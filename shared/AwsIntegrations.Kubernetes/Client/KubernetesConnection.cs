using System.Text.Json;
using AwsIntegrations.Hosting.RateLimiting;
using AwsIntegrations.Kubernetes.Client.Handlers;
using AwsIntegrations.Kubernetes.Metrics;
using AwsIntegrations.Kubernetes.Serialization;
using k8s;
using k8s.Autorest;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>
/// One API server: KubernetesClient's <see cref="IKubernetes"/> for the calls, built with our handlers (client-side rate
/// limit, retries with Retry-After, credentials renewed on 401, kube_api_calls metrics), plus what the informers need to
/// list and watch over the same HTTP pipeline. Thread-safe; one per process is enough.
/// </summary>
public sealed class KubernetesConnection : IDisposable
{
    private readonly k8s.Kubernetes _kubernetes;
    private readonly string? _tlsServerName;

    /// <param name="config">Where and who: from <see cref="Configuration.KubernetesConfigLoader"/> or built by hand.</param>
    /// <param name="reload">Loads the configuration again when the server answers 401 (a rotated token, an expired exec
    /// credential); null: renew from <paramref name="config"/> itself.</param>
    public KubernetesConnection(KubernetesClientConfiguration config, KubernetesClientSettings? settings = null, Func<KubernetesClientConfiguration>? reload = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        settings ??= new KubernetesClientSettings();
        Time = settings.Time;
        RequestTimeout = settings.RequestTimeout;
        Namespace = string.IsNullOrEmpty(config.Namespace) ? "default" : config.Namespace;
        _tlsServerName = config.TlsServerName;

        // Our handler applies the credentials (so list and watch requests carry them too, and a 401 can renew them):
        // the client itself is built from a copy without them.
        var transport = WithoutCredentials(config, settings);
        KubernetesJsonOptions.Configure(transport.JsonSerializerOptions);
        Json = transport.JsonSerializerOptions;
        var metrics = new KubernetesMetrics(settings.MeterFactory);
        DelegatingHandler[] handlers =
        [
            new RetryHandler(settings.MaxRetries, settings.RetryBackoff, settings.Time),
            new AuthenticationHandler(k8s.Kubernetes.CreateCredentials(config), () => k8s.Kubernetes.CreateCredentials(reload?.Invoke() ?? config)),
            new RateLimitHandler(new TokenBucket(settings.Qps, settings.Burst, settings.Time)),
            new MetricsHandler(metrics),
            .. settings.Handlers,
        ];
        _kubernetes = new k8s.Kubernetes(transport, handlers);
    }

    public static string DefaultUserAgent { get; } =
        $"{System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "aws-integrations"}/{typeof(KubernetesConnection).Assembly.GetName().Version} (aws-integrations)";

    /// <summary>KubernetesClient's API: <c>Client.CoreV1.ReadNamespacedPodAsync(…)</c>, <c>Client.NetworkingV1.PatchNamespacedIngressStatusAsync(…)</c>.</summary>
    public IKubernetes Client => _kubernetes;

    /// <summary>The namespace of the configuration (the pod's own namespace in-cluster); "default" otherwise.</summary>
    public string Namespace { get; }

    public Uri BaseUri => _kubernetes.BaseUri;

    public TimeProvider Time { get; }

    /// <summary>The serializer options of <see cref="Client"/> (KubernetesClient's, with interned strings and MicroTime fields).</summary>
    public JsonSerializerOptions Json { get; }

    /// <summary>How long a call other than a watch may take, retries included.</summary>
    public TimeSpan RequestTimeout { get; }

    public void Dispose() => _kubernetes.Dispose();

    /// <summary>
    /// A GET through the client's HTTP pipeline (handlers, TLS, credentials), answered up to its headers; non-success
    /// answers throw <see cref="HttpOperationException"/> as KubernetesClient's own calls do.
    /// </summary>
    internal async Task<HttpResponseMessage> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, pathAndQuery.TrimStart('/')));
        if (!string.IsNullOrWhiteSpace(_tlsServerName))
        {
            request.Headers.Host = _tlsServerName;
        }

        var response = await _kubernetes.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpOperationException($"Operation returned an invalid status code '{response.StatusCode}', response body {content}")
            {
                Request = new HttpRequestMessageWrapper(request, null),
                Response = new HttpResponseMessageWrapper(response, content),
            };
        }
    }

    private static KubernetesClientConfiguration WithoutCredentials(KubernetesClientConfiguration config, KubernetesClientSettings settings) => new()
    {
        Host = config.Host,
        Namespace = config.Namespace,
        SslCaCerts = config.SslCaCerts,
        SkipTlsVerify = config.SkipTlsVerify,
        TlsServerName = config.TlsServerName,
        ClientCertificateData = config.ClientCertificateData,
        ClientCertificateKeyData = config.ClientCertificateKeyData,
        ClientCertificateFilePath = config.ClientCertificateFilePath,
        ClientKeyFilePath = config.ClientKeyFilePath,
        ClientCertificateKeyStoreFlags = config.ClientCertificateKeyStoreFlags,
        DisableHttp2 = config.DisableHttp2,
        FirstMessageHandlerSetup = config.FirstMessageHandlerSetup,
        HttpClientTimeout = settings.RequestTimeout,
        UserAgent = settings.UserAgent ?? DefaultUserAgent,
    };
}
