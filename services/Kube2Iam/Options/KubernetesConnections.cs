using AwsIntegrations.Kubernetes.Configuration;
using k8s;

namespace AwsIntegrations.Kube2Iam.Options;

/// <summary>
/// How kube2iam reaches the API server (k8s/k8s.go NewClient): --kubeconfig (with --insecure honoured), else --api-server
/// with --api-token, else the in-cluster service account; here the last step also falls back to $KUBECONFIG and ~/.kube/config.
/// </summary>
public static class KubernetesConnections
{
    public static KubernetesClientConfiguration Load(Kube2IamOptions options, InClusterConfig? inCluster = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        inCluster ??= InClusterConfig.Default;
        if (string.IsNullOrEmpty(options.Kubernetes.Kubeconfig) && options.ApiServerUrl is { } server && options.ApiToken.Length > 0)
        {
            return new KubernetesClientConfiguration
            {
                Host = server.ToString(),
                AccessToken = options.ApiToken,
                SkipTlsVerify = options.Insecure,
                Namespace = "default",
            };
        }

        var config = KubernetesConfigLoader.Load(options.Kubernetes, inCluster);
        if (options.Insecure && InsecureApplies(options, inCluster))
        {
            config.SkipTlsVerify = true;
        }

        return config;
    }

    /// <summary>kube2iam honours --insecure for a kubeconfig and for --api-server, not for the in-cluster service account.</summary>
    public static bool InsecureApplies(Kube2IamOptions options, InClusterConfig inCluster) =>
        !string.IsNullOrEmpty(options.Kubernetes.Kubeconfig) || (options.ApiServer.Length > 0 && options.ApiToken.Length > 0) || !inCluster.IsAvailable;
}
