using System.Net;
using AwsIntegrations.Hosting.Loops;

namespace AwsIntegrations.Kubernetes.Client.Handlers;

/// <summary>
/// Retries where it is safe: a 429 for every verb (the server did nothing), a 5xx or a failed connection only for reads
/// (GET, not watches). Waits what Retry-After says, else an exponential backoff with jitter.
/// </summary>
internal sealed class RetryHandler(int maxRetries, TimeSpan backoff, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var read = request.Method == HttpMethod.Get && !KubernetesRequest.IsWatch(request.RequestUri!);
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (read && attempt < maxRetries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var code = (int)response.StatusCode;
            if (attempt >= maxRetries || !(response.StatusCode == HttpStatusCode.TooManyRequests || (code >= 500 && read)))
            {
                return response;
            }

            var delay = RetryAfterOf(response, time) ?? Backoff(attempt);
            response.Dispose();
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt) =>
        ExponentialBackoff.For(attempt + 1, backoff, TimeSpan.MaxValue) * (0.5 + Random.Shared.NextDouble());

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider time) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
