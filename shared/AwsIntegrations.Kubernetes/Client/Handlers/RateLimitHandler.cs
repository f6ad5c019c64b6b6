using AwsIntegrations.Hosting.RateLimiting;

namespace AwsIntegrations.Kubernetes.Client.Handlers;

/// <summary>client-go's --kube-api-qps/--kube-api-burst: every request (watches and retries too) waits for a token.</summary>
internal sealed class RateLimitHandler(TokenBucket bucket) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await bucket.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
