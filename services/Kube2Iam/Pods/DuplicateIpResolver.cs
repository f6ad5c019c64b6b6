using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using k8s.Autorest;
using k8s.Models;
using AwsIntegrations.Kube2Iam.Telemetry;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kube2Iam.Pods;

/// <summary>
/// --resolve-duplicate-cache-ips: when the cache holds two live pods for one IP (one of them usually stale), ask the API
/// server for the pods with that IP now. kube2iam (k8s/k8s.go resolveDuplicatedIP) takes the first Running one; here the
/// answer counts only when exactly one pod holds the IP live, so two pods that really share it still get nothing.
/// </summary>
public sealed partial class DuplicateIpResolver(KubernetesConnection client, string node, Kube2IamMetrics metrics, ILogger<DuplicateIpResolver> logger)
{
    public async Task<V1Pod?> ResolveAsync(string ip, CancellationToken cancellationToken)
    {
        var selector = (node.Length > 0 ? $"spec.nodeName={node}," : string.Empty) + $"status.podIP={ip}";
        try
        {
            var pods = await client.ListAsync<V1Pod>(null, new ListOptions { FieldSelector = selector }, cancellationToken).ConfigureAwait(false);
            var holder = Choose(pods.Items, ip);
            metrics.DuplicateIpLookup(holder is null ? "unresolved" : "resolved");
            LogResolved(logger, ip, holder is null ? "nobody (not exactly one live pod)" : PodStates.Describe(holder));
            return holder;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or TimeoutException)
        {
            metrics.DuplicateIpLookup("error");
            LogFailed(logger, ip, e.Message);
            return null;
        }
    }

    /// <summary>The one pod of <paramref name="fresh"/> that holds <paramref name="ip"/> live, or null.</summary>
    public static V1Pod? Choose(IEnumerable<V1Pod> fresh, string ip)
    {
        var holders = fresh.Where(p => p.Status?.PodIP == ip && PodStates.HoldsItsIp(p)).Take(2).ToList();
        return holders.Count == 1 ? holders[0] : null;
    }

    [LoggerMessage(EventId = 5050, Level = LogLevel.Information, Message = "{Ip} is claimed by more than one cached pod; the API server says it is held by {Holder}")]
    private static partial void LogResolved(ILogger logger, string ip, string holder);

    [LoggerMessage(EventId = 5051, Level = LogLevel.Warning, Message = "{Ip} is claimed by more than one cached pod and the API server could not be asked: {Reason}")]
    private static partial void LogFailed(ILogger logger, string ip, string reason);
}
