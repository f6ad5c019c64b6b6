using AwsIntegrations.Kubernetes.Configuration;

namespace AwsIntegrations.Kube2Iam.Options;

/// <summary>
/// kube2iam flags that are accepted but have no effect in the way they were given: one warning each at start, naming the
/// flag and why, so a DaemonSet carried over from kube2iam starts and says what it ignores.
/// </summary>
public static class StartupWarnings
{
    public static IReadOnlyList<string> For(Kube2IamOptions options, InClusterConfig inCluster)
    {
        ArgumentNullException.ThrowIfNull(options);
        var warnings = new List<string>();
        var kubeconfig = !string.IsNullOrEmpty(options.Kubernetes.Kubeconfig);
        if (options.ApiServer.Length > 0 && (kubeconfig || options.ApiToken.Length == 0))
        {
            warnings.Add("--api-server is ignored: " + (kubeconfig ? "--kubeconfig wins over it" : "it is used only together with --api-token") + ", as in kube2iam");
        }

        if (options.ApiToken.Length > 0 && (kubeconfig || options.ApiServer.Length == 0))
        {
            warnings.Add("--api-token is ignored: " + (kubeconfig ? "--kubeconfig wins over it" : "it is used only together with --api-server") + ", as in kube2iam");
        }

        if (options.Insecure && !KubernetesConnections.InsecureApplies(options, inCluster))
        {
            warnings.Add("--insecure is ignored: the in-cluster service account always verifies the API server with its CA, as in kube2iam");
        }

        return warnings;
    }
}
