using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Api;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Config;

/// <summary>HTTPS as in a real cluster: the server's certificate is trusted only through the cluster CA; client certificates are presented.</summary>
public sealed class TlsConnectionTests : EmulatorTest, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tls-").FullName;

    protected override KubernetesEmulatorOptions EmulatorOptions => new() { Tls = true };

    [Fact]
    public async Task Kubeconfig_WithTheClusterCa_ConnectsOverHttps()
    {
        var config = KubernetesConfigLoader.FromKubeconfig(Kube.WriteKubeconfig(Path.Combine(_directory, "config")));
        using var connection = new KubernetesConnection(config, Settings);

        var namespaces = await connection.Client.CoreV1.ListNamespaceAsync();
        (await connection.ListAsync<V1Namespace>()).Items.Should().HaveCount(namespaces.Items.Count, "our list and watch share the client's TLS settings");

        new Uri(config.Host).Scheme.Should().Be("https");
        namespaces.Items.Should().Contain(n => n.Metadata.Name == "default");
    }

    [Fact]
    public async Task Connection_TrustingAnotherCa_RefusesTheServer()
    {
        using var otherKey = RSA.Create(2048);
        using var other = new CertificateRequest("CN=someone-else", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString(), SslCaCerts = [other] }, Settings with { MaxRetries = 0 });

        var act = () => connection.Client.CoreV1.ListNamespaceAsync();

        await act.Should().ThrowAsync<HttpRequestException>();
        Kube.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Connection_InsecureSkipTlsVerify_ConnectsWithoutTheCa()
    {
        using var connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString(), SkipTlsVerify = true }, Settings);

        (await connection.Client.CoreV1.ListNamespaceAsync()).Items.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Kubeconfig_ClientCertificate_IsPresentedToTheServer()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=system:admin, O=system:masters", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_directory, "config");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            current-context: admin
            clusters:
            - name: emulator
              cluster:
                server: {Kube.BaseAddress.ToString().TrimEnd('/')}
                certificate-authority-data: {Base64(Kube.CertificateAuthorityPem!)}
            users:
            - name: admin
              user:
                client-certificate-data: {Base64(certificate.ExportCertificatePem())}
                client-key-data: {Base64(key.ExportPkcs8PrivateKeyPem())}
            contexts:
            - name: admin
              context: {"{"}cluster: emulator, user: admin{"}"}
            """);
        using var connection = new KubernetesConnection(KubernetesConfigLoader.FromKubeconfig(path), Settings);

        await connection.Client.CoreV1.ListNamespaceAsync();

        Kube.ClientCertificateSubjects.Should().Contain(s => s.Contains("CN=system:admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kubectl_WithTheEmulatorsKubeconfig_TrustsTheServer()
    {
        using var kubectl = new Kubectl.Kubectl(Kube);

        (await kubectl.RunAsync("get", "namespaces", "-o", "name")).Should().Contain("namespace/kube-system");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
