using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Config;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Tests.Config;

/// <summary>In-cluster: the projected service-account token rotates; the client must pick up the new one.</summary>
public sealed class ServiceAccountTokenTests : EmulatorTest
{
    protected override KubernetesEmulatorOptions EmulatorOptions => new() { RequiredToken = "token-1" };

    [Fact]
    public async Task InClusterClient_TokenFileRotated_UsesTheNewTokenOnTheNextRequest()
    {
        var directory = Directory.CreateTempSubdirectory("serviceaccount-").FullName;
        File.WriteAllText(Path.Combine(directory, "token"), "token-1");
        File.WriteAllText(Path.Combine(directory, "namespace"), "default");
        var environment = new Dictionary<string, string>
        {
            ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1",
            ["KUBERNETES_SERVICE_PORT"] = Kube.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["KUBERNETES_SERVICE_SCHEME"] = "http",
        };
        var connection = KubernetesConfigLoader.Load(new KubernetesOptions(), new InClusterConfig(directory, n => environment.GetValueOrDefault(n)));
        using var client = new KubernetesClient(connection, Settings);

        await client.ListAsync<Pod>("default");
        Kube.Options.RequiredToken = "token-2";
        File.WriteAllText(Path.Combine(directory, "token"), "token-2");
        File.SetLastWriteTimeUtc(Path.Combine(directory, "token"), DateTime.UtcNow.AddSeconds(5));
        await client.ListAsync<Pod>("default");

        Kube.Authorizations.Should().Equal("Bearer token-1", "Bearer token-2");
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task FileTokenSource_UnchangedFile_IsReadAgainAfterAMinute()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "first");
        var clock = new FakeTimeProvider();
        var source = new FileTokenSource(path, clock);
        var written = File.GetLastWriteTimeUtc(path);

        var first = await source.GetTokenAsync(CancellationToken.None);
        File.WriteAllText(path, "second");
        File.SetLastWriteTimeUtc(path, written);
        var cached = await source.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var reread = await source.GetTokenAsync(CancellationToken.None);

        (first, cached, reread).Should().Be(("first", "first", "second"));
        File.Delete(path);
    }

    [Fact]
    public async Task Client_WrongToken_ThrowsUnauthorized()
    {
        using var client = new KubernetesClient(new KubernetesConnection(Kube.BaseAddress) { Token = new StaticTokenSource("wrong") }, Settings);

        var act = () => client.ListAsync<Pod>("default");

        (await act.Should().ThrowAsync<KubernetesApiException>()).Which.StatusCode.Should().Be(401);
    }
}
