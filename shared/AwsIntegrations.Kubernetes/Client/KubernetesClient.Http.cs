using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.Kubernetes.Serialization;

namespace AwsIntegrations.Kubernetes.Client;

public sealed partial class KubernetesClient
{
    /// <summary>
    /// Sends one request through the rate limit, records it, and turns failures into typed exceptions. A 429 is
    /// retried for every verb (the server did nothing), 5xx and transport failures only for reads; a 401 once, with a fresh token.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(string verb, ResourceType type, string? name, Func<HttpRequestMessage> build, bool idempotent, CancellationToken cancellationToken, bool streaming = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
            using var request = build();
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var started = Stopwatch.GetTimestamp();
            using var timeout = streaming ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout?.CancelAfter(_settings.RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _metrics.Record(verb, type.Plural, "error", Stopwatch.GetElapsedTime(started));
                if (idempotent && attempt < _settings.MaxRetries)
                {
                    await Task.Delay(Backoff(attempt), _settings.Time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new HttpRequestException($"{verb} {type.Plural} {name}: {e.Message}", e);
            }

            var code = (int)response.StatusCode;
            _metrics.Record(verb, type.Plural, code.ToString(CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started));
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var retryAfter = RetryAfterOf(response);
                var status = await ReadStatusAsync(response, cancellationToken).ConfigureAwait(false);
                if (code == 401 && attempt == 0 && _connection.Token is { } token)
                {
                    token.Invalidate();
                    continue;
                }

                if (attempt < _settings.MaxRetries && (code == 429 || (code >= 500 && idempotent)))
                {
                    await Task.Delay(retryAfter ?? Backoff(attempt), _settings.Time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw KubernetesApiException.From(code, status, retryAfter, $"{verb} {type.Plural} {name}".TrimEnd());
            }
        }
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_connection.Token is { } source && await source.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (_connection.BasicAuth is { } basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
    }

    private TimeSpan Backoff(int attempt) =>
        ExponentialBackoff.For(attempt + 1, _settings.RetryBackoff, TimeSpan.MaxValue) * (0.5 + Random.Shared.NextDouble());

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private static async Task<Status?> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(text, KubernetesJsonContext.Default.Status);
        }
        catch (JsonException)
        {
            return new Status { Message = text.Length > 500 ? text[..500] : text, Code = (int)response.StatusCode };
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException($"the server answered null for {typeof(T).Name}");
        }
    }
}
