using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Exceptions;

namespace AwsIntegrations.Kubernetes.Configuration;

/// <summary>
/// The pod's own service account as a <see cref="KubernetesClientConfiguration"/>: KUBERNETES_SERVICE_HOST/PORT, the
/// projected token (read again when rotated), the cluster CA bundle and the pod's namespace. KubernetesClient's
/// InClusterConfig() reads the same files, but only at its fixed path and with a once-a-minute token reader; this one
/// takes the directory and the environment, so tests and Kube2Iam's start-up checks can point it elsewhere.
/// </summary>
public sealed class InClusterConfig(string directory, Func<string, string?> environment)
{
    public static InClusterConfig Default { get; } = new("/var/run/secrets/kubernetes.io/serviceaccount", Environment.GetEnvironmentVariable);

    private string TokenPath => Path.Combine(directory, "token");

    public bool IsAvailable => !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")) && File.Exists(TokenPath);

    public KubernetesClientConfiguration Load()
    {
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("unable to load in-cluster configuration: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined");
        }

        // KUBERNETES_SERVICE_SCHEME is not Kubernetes' own: it lets tests reach a plain-HTTP emulator "in-cluster".
        var scheme = environment("KUBERNETES_SERVICE_SCHEME") ?? "https";
        var server = new UriBuilder(scheme, host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host, int.Parse(port, CultureInfo.InvariantCulture)).Uri;
        var caPath = Path.Combine(directory, "ca.crt");
        X509Certificate2Collection? authorities = null;
        if (File.Exists(caPath))
        {
            authorities = [];
            authorities.ImportFromPemFile(caPath);
        }

        var namespacePath = Path.Combine(directory, "namespace");
        return new KubernetesClientConfiguration
        {
            Host = server.ToString(),
            Namespace = File.Exists(namespacePath) ? File.ReadAllText(namespacePath).Trim() : "default",
            TokenProvider = new ServiceAccountTokenProvider(TokenPath),
            SslCaCerts = authorities,
        };
    }
}
