using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Api;
using k8s;
using k8s.Exceptions;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Tests.Config;

/// <summary>Kubeconfigs of EKS clusters get their token from an exec plugin (`aws eks get-token`).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExecPluginTests : EmulatorTest, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exec-").FullName;

    protected override KubernetesEmulatorOptions EmulatorOptions => new() { RequiredToken = "k8s-aws-v1.token-from-plugin" };

    [Fact]
    public async Task Kubeconfig_ExecPlugin_TokenItPrintsIsSent_AndTheArgumentsAndEnvironmentReachIt()
    {
        var plugin = Path.Combine(_directory, "get-token.sh");
        File.WriteAllText(plugin, """
            #!/bin/sh
            [ "$1" = "eks" ] && [ "$CLUSTER_ENV" = "prod" ] || { echo "unexpected call: $* $CLUSTER_ENV" >&2; exit 3; }
            echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"k8s-aws-v1.token-from-plugin","expirationTimestamp":"2999-01-01T00:00:00Z"}}'
            """);
        File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var connection = new KubernetesConnection(KubernetesConfigLoader.FromKubeconfig(Kubeconfig(plugin, "eks")), Settings);

        await connection.Client.CoreV1.ListNamespaceAsync();
        await connection.ListAsync<V1Namespace>();

        Kube.Authorizations.Should().Equal("Bearer k8s-aws-v1.token-from-plugin", "Bearer k8s-aws-v1.token-from-plugin");
    }

    [Fact]
    public void Kubeconfig_ExecPluginFails_TheErrorSaysWhy()
    {
        var plugin = Path.Combine(_directory, "get-token.sh");
        File.WriteAllText(plugin, "#!/bin/sh\necho 'no credentials configured' >&2\nexit 1\n");
        File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var act = () => KubernetesConfigLoader.FromKubeconfig(Kubeconfig(plugin, "eks"));

        act.Should().Throw<KubeConfigException>().WithMessage("*external exec failed*no credentials configured*");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Kubeconfig(string plugin, string argument)
    {
        var path = Path.Combine(_directory, "config");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            current-context: eks
            clusters:
            - name: eks
              cluster: {"{"}server: "{Kube.BaseAddress.ToString().TrimEnd('/')}"{"}"}
            users:
            - name: eks
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: {plugin}
                  args: [{argument}, get-token]
                  env: [{"{"}name: CLUSTER_ENV, value: prod{"}"}]
            contexts:
            - name: eks
              context: {"{"}cluster: eks, user: eks{"}"}
            """);
        return path;
    }
}
