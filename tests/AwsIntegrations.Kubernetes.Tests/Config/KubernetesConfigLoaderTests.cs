using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AwsIntegrations.Kubernetes.Configuration;
using k8s;
using k8s.Exceptions;

namespace AwsIntegrations.Kubernetes.Tests.Config;

/// <summary>Which configuration a service picks (client-go's order), read by KubernetesClient, and the errors a user sees.</summary>
public sealed class KubernetesConfigLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubeconfig-").FullName;

    [Fact]
    public async Task FromKubeconfig_CurrentContext_GivesServerNamespaceAndToken()
    {
        var path = Write("config", TwoContexts);

        var connection = KubernetesConfigLoader.FromKubeconfig(path);

        new Uri(connection.Host).Should().Be(new Uri("https://prod.example.com:6443"));
        connection.Namespace.Should().Be("team-a");
        (await AuthorizationAsync(connection)).Should().Be("Bearer prod-token");
        connection.SslCaCerts.Should().BeNull();
    }

    [Fact]
    public async Task Load_ContextFlag_SelectsAnotherContext_WithItsOwnUser()
    {
        var path = Write("config", TwoContexts);

        var connection = KubernetesConfigLoader.Load(new KubernetesOptions { Kubeconfig = path, Context = "dev" }, NoCluster);

        new Uri(connection.Host).Should().Be(new Uri("http://127.0.0.1:18080"));
        connection.Namespace.Should().Be("default");
        connection.SkipTlsVerify.Should().BeTrue();
        (await AuthorizationAsync(connection)).Should().Be("Bearer dev-token-value");
    }

    [Fact]
    public void FromKubeconfig_ClientCertificateAndCaData_AreLoaded()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=admin", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Write("admin.crt", certificate.ExportCertificatePem());
        Write("admin.key", key.ExportPkcs8PrivateKeyPem());
        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(certificate.ExportCertificatePem()));
        var path = Write("config", $"""
            apiVersion: v1
            kind: Config
            current-context: c
            contexts: [{"{"}name: c, context: {"{"}cluster: k, user: u{"}"}{"}"}]
            clusters: [{"{"}name: k, cluster: {"{"}server: "https://k.example.com", certificate-authority-data: {caData}, tls-server-name: kubernetes{"}"}{"}"}]
            users: [{"{"}name: u, user: {"{"}client-certificate: admin.crt, client-key: admin.key{"}"}{"}"}]
            """);

        var connection = KubernetesConfigLoader.FromKubeconfig(path);

        connection.ClientCertificateFilePath.Should().Be(Path.Combine(_directory, "admin.crt"));
        connection.ClientKeyFilePath.Should().Be(Path.Combine(_directory, "admin.key"));
        connection.SslCaCerts.Should().ContainSingle().Which.Thumbprint.Should().Be(certificate.Thumbprint);
        connection.TlsServerName.Should().Be("kubernetes");
    }

    [Theory]
    [InlineData("missing-context", "CurrentContext: nope not found in contexts")]
    [InlineData("missing-cluster", "Cluster not found for context")]
    [InlineData("bad-server", "no valid https:// server")]
    [InlineData("no-current", "Cannot infer server host url")]
    [InlineData("half-certificate", "does not have appropriate auth credentials")]
    [InlineData("auth-provider", "does not have appropriate auth credentials")]
    [InlineData("not-yaml", "not valid YAML")]
    public void FromKubeconfig_Broken_ThrowsSayingWhatToFix(string variant, string expected)
    {
        var path = Write("config", variant switch
        {
            "missing-context" => "current-context: nope\ncontexts: []\nclusters: []\nusers: []\n",
            "missing-cluster" => "current-context: c\ncontexts: [{name: c, context: {cluster: ghost, user: u}}]\nclusters: []\nusers: []\n",
            "bad-server" => "current-context: c\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nclusters: [{name: k, cluster: {server: 'ftp://x'}}]\nusers: [{name: u, user: {token: t}}]\n",
            "no-current" => "contexts: []\n",
            "half-certificate" => "current-context: c\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nclusters: [{name: k, cluster: {server: 'https://x'}}]\nusers: [{name: u, user: {client-certificate-data: eA==}}]\n",
            "auth-provider" => "current-context: c\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nclusters: [{name: k, cluster: {server: 'https://x'}}]\nusers: [{name: u, user: {auth-provider: {name: gcp}}}]\n",
            _ => "clusters: [unclosed\n  - : :",
        });

        var act = () => KubernetesConfigLoader.FromKubeconfig(path, variant == "missing-context" ? "nope" : null);

        act.Should().Throw<KubeConfigException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void Load_NothingConfigured_ThrowsExplainingTheSearchOrder()
    {
        var previous = Environment.GetEnvironmentVariable("KUBECONFIG");
        var home = Environment.GetEnvironmentVariable("HOME");
        try
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", Path.Combine(_directory, "absent"));
            Environment.SetEnvironmentVariable("HOME", _directory);

            var act = () => KubernetesConfigLoader.Load(new KubernetesOptions(), NoCluster);

            act.Should().Throw<KubeConfigException>().WithMessage("*not running in a pod*~/.kube/config*");
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUBECONFIG", previous);
            Environment.SetEnvironmentVariable("HOME", home);
        }
    }

    [Fact]
    public void Load_KubeconfigFlag_WinsOverInCluster()
    {
        var inCluster = InCluster(new() { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["KUBERNETES_SERVICE_PORT"] = "443" });
        var path = Write("config", TwoContexts);

        new Uri(KubernetesConfigLoader.Load(new KubernetesOptions { Kubeconfig = path }, inCluster).Host).Host.Should().Be("prod.example.com");
        new Uri(KubernetesConfigLoader.Load(new KubernetesOptions(), inCluster).Host).Should().Be(new Uri("https://10.96.0.1:443"));
    }

    [Fact]
    public void InCluster_ReadsNamespaceAndCa_AndNeedsHostAndPort()
    {
        using var key = RSA.Create(2048);
        using var ca = new CertificateRequest("CN=cluster-ca", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var inCluster = InCluster(new() { ["KUBERNETES_SERVICE_HOST"] = "fd00::1", ["KUBERNETES_SERVICE_PORT"] = "443" });
        File.WriteAllText(Path.Combine(_directory, "sa", "ca.crt"), ca.ExportCertificatePem());

        var connection = inCluster.Load();

        new Uri(connection.Host).Should().Be(new Uri("https://[fd00::1]:443"));
        connection.Namespace.Should().Be("kube-system");
        connection.SslCaCerts.Should().ContainSingle();
        connection.TokenProvider.Should().BeOfType<ServiceAccountTokenProvider>().Which.Token().Should().Be("sa-token");
        var missingPort = () => InCluster(new() { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1" }).Load();
        missingPort.Should().Throw<KubeConfigException>().WithMessage("*KUBERNETES_SERVICE_PORT*");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static InClusterConfig NoCluster => new("/nonexistent", _ => null);

    private static async Task<string?> AuthorizationAsync(KubernetesClientConfiguration config)
    {
        using var request = new HttpRequestMessage();
        await (k8s.Kubernetes.CreateCredentials(config)?.ProcessHttpRequestAsync(request, CancellationToken.None) ?? Task.CompletedTask);
        return request.Headers.Authorization?.ToString();
    }

    private InClusterConfig InCluster(Dictionary<string, string> environment)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, "sa")).FullName;
        File.WriteAllText(Path.Combine(directory, "token"), "sa-token");
        File.WriteAllText(Path.Combine(directory, "namespace"), "kube-system");
        return new InClusterConfig(directory, name => environment.GetValueOrDefault(name));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string TwoContexts = """
        apiVersion: v1
        kind: Config
        current-context: prod
        clusters:
        - name: prod
          cluster:
            server: https://prod.example.com:6443
        - name: dev
          cluster:
            server: http://127.0.0.1:18080
            insecure-skip-tls-verify: true
        users:
        - name: prod-admin
          user:
            token: prod-token
        - name: dev-user
          user:
            token: dev-token-value
        contexts:
        - name: prod
          context: {cluster: prod, user: prod-admin, namespace: team-a}
        - name: dev
          context: {cluster: dev, user: dev-user}
        """;
}
