using k8s.Models;

namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>The pod indexes services look up by: a pod by its IP (Kube2Iam), the pods of a node (Router).</summary>
public static class PodIndexes
{
    public const string ByIp = "podIP";
    public const string ByNodeName = "nodeName";

    public static IReadOnlyDictionary<string, Func<V1Pod, IEnumerable<string>>> All { get; } = new Dictionary<string, Func<V1Pod, IEnumerable<string>>>
    {
        [ByIp] = IpsOf,
        [ByNodeName] = pod => pod.Spec?.NodeName is { Length: > 0 } node ? [node] : [],
    };

    private static IEnumerable<string> IpsOf(V1Pod pod)
    {
        // Host-network pods share the node's IP: they must never be found as "the pod with this IP".
        if (pod.Spec?.HostNetwork == true)
        {
            return [];
        }

        var ips = new HashSet<string>(StringComparer.Ordinal);
        if (pod.Status?.PodIP is { Length: > 0 } ip)
        {
            ips.Add(ip);
        }

        foreach (var extra in pod.Status?.PodIPs ?? [])
        {
            if (extra.Ip is { Length: > 0 })
            {
                ips.Add(extra.Ip);
            }
        }

        return ips;
    }
}
