using AwsIntegrations.Hosting.Options;

namespace AwsIntegrations.Kubernetes.Configuration;

/// <summary>
/// How a service reaches the API server. Without --kubeconfig the in-cluster service account is used when present,
/// then KUBECONFIG, then ~/.kube/config (client-go's order).
/// </summary>
public class KubernetesOptions
{
    [Flag("kubeconfig", "Path to a kubeconfig file; empty: in-cluster service account, else $KUBECONFIG or ~/.kube/config.")]
    public string? Kubeconfig { get; set; }

    [Flag("context", "The kubeconfig context to use; empty: its current-context.", Env = "KUBE_CONTEXT")]
    public string? Context { get; set; }

    [Flag("kube-api-qps", "Client-side limit of Kubernetes API requests per second (0: unlimited).")]
    public double KubeApiQps { get; set; } = 20;

    [Flag("kube-api-burst", "Kubernetes API requests allowed at once above the QPS limit.")]
    public int KubeApiBurst { get; set; } = 30;
}
