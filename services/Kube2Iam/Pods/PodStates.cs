using k8s;
using k8s.Models;

namespace AwsIntegrations.Kube2Iam.Pods;

/// <summary>Which pods may speak for their IP: running or about to, not finished, not being deleted, not on the host network.</summary>
public static class PodStates
{
    public static bool HoldsItsIp(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null
        && pod.Spec?.HostNetwork != true
        && pod.Status?.Phase is not ("Succeeded" or "Failed")
        && pod.Status?.PodIP is { Length: > 0 };

    /// <summary>Not finished, not being deleted, not on the host network: its credentials are worth fetching (even before it has an IP).</summary>
    public static bool IsLive(V1Pod pod) =>
        pod.Metadata.DeletionTimestamp is null
        && pod.Spec?.HostNetwork != true
        && pod.Status?.Phase is not ("Succeeded" or "Failed");

    public static string Describe(V1Pod pod) => $"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}";
}
