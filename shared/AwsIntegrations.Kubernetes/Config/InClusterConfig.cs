using System.Security.Cryptography.X509Certificates;

namespace AwsIntegrations.Kubernetes.Config;

/// <summary>
/// The pod's own service account: KUBERNETES_SERVICE_HOST/PORT, the projected token (re-read when rotated),
/// the cluster CA bundle and the pod's namespace, under /var/run/secrets/kubernetes.io/serviceaccount.
/// </summary>
public sealed class InClusterConfig(string directory, Func<string, string?> environment)
{
    public static InClusterConfig Default { get; } = new("/var/run/secrets/kubernetes.io/serviceaccount", Environment.GetEnvironmentVariable);

    private string TokenPath => Path.Combine(directory, "token");

    public bool IsAvailable => !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")) && File.Exists(TokenPath);

    public KubernetesConnection Load()
    {
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubernetesConfigException("unable to load in-cluster configuration: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined");
        }

        var scheme = environment("KUBERNETES_SERVICE_SCHEME") ?? "https";
        var server = new UriBuilder(scheme, host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)).Uri;
        var caPath = Path.Combine(directory, "ca.crt");
        X509Certificate2Collection? authorities = null;
        if (File.Exists(caPath))
        {
            authorities = [];
            authorities.ImportFromPemFile(caPath);
        }

        var namespacePath = Path.Combine(directory, "namespace");
        return new KubernetesConnection(server)
        {
            Namespace = File.Exists(namespacePath) ? File.ReadAllText(namespacePath).Trim() : "default",
            Token = new FileTokenSource(TokenPath),
            CertificateAuthorities = authorities,
        };
    }
}
