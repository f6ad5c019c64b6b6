using System.Net;
using Microsoft.Extensions.Time.Testing;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Configuration;
using AwsIntegrations.Kubernetes.Api;
using k8s;
using k8s.Models;

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
        var config = KubernetesConfigLoader.Load(new KubernetesOptions(), new InClusterConfig(directory, n => environment.GetValueOrDefault(n)));
        using var connection = new KubernetesConnection(config, Settings);

        await connection.Client.CoreV1.ListNamespacedPodAsync("default");
        Kube.Options.RequiredToken = "token-2";
        File.WriteAllText(Path.Combine(directory, "token"), "token-2");
        File.SetLastWriteTimeUtc(Path.Combine(directory, "token"), DateTime.UtcNow.AddSeconds(5));
        await connection.Client.CoreV1.ListNamespacedPodAsync("default");

        connection.Namespace.Should().Be("default");

        Kube.Authorizations.Should().Equal("Bearer token-1", "Bearer token-2");
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void ServiceAccountToken_UnchangedFile_IsReadAgainAfterAMinute()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "first");
        var clock = new FakeTimeProvider();
        var source = new ServiceAccountTokenProvider(path, clock);
        var written = File.GetLastWriteTimeUtc(path);

        var first = source.Token();
        File.WriteAllText(path, "second");
        File.SetLastWriteTimeUtc(path, written);
        var cached = source.Token();
        clock.Advance(TimeSpan.FromMinutes(1));
        var reread = source.Token();

        (first, cached, reread).Should().Be(("first", "first", "second"));
        File.Delete(path);
    }

    [Fact]
    public async Task Client_WrongToken_RenewsOnce_ThenIsRefusedUnauthorized()
    {
        using var connection = new KubernetesConnection(new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString(), AccessToken = "wrong" }, Settings);

        var act = () => connection.Client.CoreV1.ListNamespacedPodAsync("default");

        await act.ShouldBeRefusedAsync(HttpStatusCode.Unauthorized);
        Kube.Authorizations.Should().Equal("Bearer wrong", "Bearer wrong");
    }

    [Fact]
    public async Task Client_TokenExpired_ReloadsTheConfigurationOnce_AndTheRequestSucceeds()
    {
        // An exec credential or a token file that changed without the client noticing: the 401 makes it load them again.
        var token = "expired";
        var reloads = 0;
        using var connection = new KubernetesConnection(
            new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString(), AccessToken = token },
            Settings,
            reload: () =>
            {
                reloads++;
                return new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString(), AccessToken = token };
            });
        token = "token-1";

        var pods = await connection.Client.CoreV1.ListNamespacedPodAsync("default");
        await connection.ListAsync<V1Pod>("default");

        pods.Items.Should().BeEmpty();
        Kube.Authorizations.Should().Equal("Bearer expired", "Bearer token-1", "Bearer token-1");
        reloads.Should().Be(1);
    }
}
