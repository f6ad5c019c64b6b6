using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>The pod indexes services look up by: a pod by its IP (Kube2Iam), the pods of a node (Router).</summary>
public static class PodIndexes
{
    public const string ByIp = "podIP";
    public const string ByNodeName = "nodeName";

    public static IReadOnlyDictionary<string, Func<Pod, IEnumerable<string>>> All { get; } = new Dictionary<string, Func<Pod, IEnumerable<string>>>
    {
        [ByIp] = IpsOf,
        [ByNodeName] = pod => pod.Spec?.NodeName is { Length: > 0 } node ? [node] : [],
    };

    private static IEnumerable<string> IpsOf(Pod pod)
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
            if (extra.Ip.Length > 0)
            {
                ips.Add(extra.Ip);
            }
        }

        return ips;
    }
}
