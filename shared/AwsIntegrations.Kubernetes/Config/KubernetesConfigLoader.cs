using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AwsIntegrations.Kubernetes.Config;

/// <summary>
/// Turns <see cref="KubernetesOptions"/> into a <see cref="KubernetesConnection"/>: --kubeconfig if given, else the
/// in-cluster service account if running in a pod, else $KUBECONFIG (first file), else ~/.kube/config.
/// </summary>
public static class KubernetesConfigLoader
{
    public static KubernetesConnection Load(KubernetesOptions options, InClusterConfig? inCluster = null, TimeProvider? time = null)
    {
        inCluster ??= InClusterConfig.Default;
        if (!string.IsNullOrEmpty(options.Kubeconfig))
        {
            return FromKubeconfig(options.Kubeconfig, options.Context, time);
        }

        if (inCluster.IsAvailable)
        {
            return inCluster.Load();
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(File.Exists);
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        var path = fromEnvironment ?? (File.Exists(home) ? home : null);
        return path is null
            ? throw new KubernetesConfigException(
                "no Kubernetes configuration found: not running in a pod (KUBERNETES_SERVICE_HOST unset or no service-account token), " +
                "no --kubeconfig, $KUBECONFIG names no existing file and ~/.kube/config does not exist")
            : FromKubeconfig(path, options.Context, time);
    }

    public static KubernetesConnection FromKubeconfig(string path, string? contextName = null, TimeProvider? time = null)
    {
        if (!File.Exists(path))
        {
            throw new KubernetesConfigException($"kubeconfig {path} does not exist");
        }

        KubeConfigFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build()
                .Deserialize<KubeConfigFile>(File.ReadAllText(path)) ?? new KubeConfigFile();
        }
        catch (YamlException e)
        {
            throw new KubernetesConfigException($"kubeconfig {path} is not valid YAML: {e.Message}", e);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = string.IsNullOrEmpty(contextName) ? file.CurrentContext : contextName;
        if (string.IsNullOrEmpty(name))
        {
            throw new KubernetesConfigException($"kubeconfig {path} has no current-context and no --context was given");
        }

        var context = file.Contexts.FirstOrDefault(c => c.Name == name)?.Context
            ?? throw new KubernetesConfigException($"kubeconfig {path} has no context \"{name}\"");
        var cluster = file.Clusters.FirstOrDefault(c => c.Name == context.Cluster)?.Cluster
            ?? throw new KubernetesConfigException($"kubeconfig {path}: context \"{name}\" names cluster \"{context.Cluster}\", which is not defined");
        var user = file.Users.FirstOrDefault(u => u.Name == context.User)?.User ?? new UserEntry();
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
        {
            throw new KubernetesConfigException($"kubeconfig {path}: cluster \"{context.Cluster}\" has no valid https:// server (got \"{cluster.Server}\")");
        }

        if (user.AuthProvider is not null)
        {
            throw new KubernetesConfigException($"kubeconfig {path}: user \"{context.User}\" uses an auth-provider, which is not supported; use a token, a client certificate or an exec plugin");
        }

        return new KubernetesConnection(server)
        {
            Namespace = string.IsNullOrEmpty(context.Namespace) ? "default" : context.Namespace,
            Token = TokenOf(user, directory, time),
            BasicAuth = user.Username is { Length: > 0 } username ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{user.Password}")) : null,
            ClientCertificate = ClientCertificateOf(user, directory, path),
            CertificateAuthorities = AuthoritiesOf(cluster, directory, path),
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = cluster.TlsServerName,
        };
    }

    private static ITokenSource? TokenOf(UserEntry user, string directory, TimeProvider? time) =>
        !string.IsNullOrEmpty(user.Token) ? new StaticTokenSource(user.Token)
        : !string.IsNullOrEmpty(user.TokenFile) ? new FileTokenSource(Resolve(directory, user.TokenFile))
        : user.Exec is { Command.Length: > 0 } exec ? new ExecTokenSource(exec, time ?? TimeProvider.System)
        : null;

    private static X509Certificate2? ClientCertificateOf(UserEntry user, string directory, string path)
    {
        var certificate = Pem(user.ClientCertificateData, user.ClientCertificate, directory);
        var key = Pem(user.ClientKeyData, user.ClientKey, directory);
        if (certificate is null && key is null)
        {
            return null;
        }

        if (certificate is null || key is null)
        {
            throw new KubernetesConfigException($"kubeconfig {path}: a client certificate needs both the certificate and the key");
        }

        try
        {
            return X509Certificate2.CreateFromPem(certificate, key);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KubernetesConfigException($"kubeconfig {path}: the client certificate or key is not valid PEM: {e.Message}", e);
        }
    }

    private static X509Certificate2Collection? AuthoritiesOf(ClusterEntry cluster, string directory, string path)
    {
        var pem = Pem(cluster.CertificateAuthorityData, cluster.CertificateAuthority, directory);
        if (pem is null)
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPem(pem);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KubernetesConfigException($"kubeconfig {path}: the certificate authority is not valid PEM: {e.Message}", e);
        }

        return authorities.Count > 0 ? authorities : throw new KubernetesConfigException($"kubeconfig {path}: the certificate authority holds no certificate");
    }

    private static string? Pem(string? base64Data, string? file, string directory) =>
        !string.IsNullOrEmpty(base64Data) ? Encoding.UTF8.GetString(Convert.FromBase64String(base64Data))
        : !string.IsNullOrEmpty(file) ? File.ReadAllText(Resolve(directory, file))
        : null;

    private static string Resolve(string directory, string file) => Path.IsPathRooted(file) ? file : Path.Combine(directory, file);
}
