using System.Diagnostics;
using System.Globalization;
using AwsIntegrations.Kubernetes.Metrics;

namespace AwsIntegrations.Kubernetes.Client.Handlers;

/// <summary>Records every request that reaches the wire as kube_api_calls_total{verb,resource,code} ("error" when no answer came).</summary>
internal sealed class MetricsHandler(KubernetesMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = KubernetesRequest.Of(request.Method, request.RequestUri!);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.Record(call.Verb, call.Resource, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            metrics.Record(call.Verb, call.Resource, "error", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
