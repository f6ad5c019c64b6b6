using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Functional;

/// <summary>What an Ingress or a flag changes in a running Router: timeouts, conflict Events, the access log.</summary>
public sealed class IngressOptionsTests
{
    [Fact]
    public async Task SilentBackend_PastIngressTimeout_Gets504()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var web = await TestBackend.StartAsync("slow", "127.0.0.14");
        router.AddServiceFor("default", "slow", web);
        router.AddIngress("default", "slow", "slow.example.com", "/", "slow", new Dictionary<string, string> { ["aws-integrations.io/backend-timeout"] = "300ms" });
        await router.WaitForStatusAsync("slow.example.com", "/", HttpStatusCode.OK);

        using var response = await router.Client.SendAsync(router.Get("slow.example.com", "/slow"));

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
    }

    [Fact]
    public async Task OverlappingIngresses_YoungerOne_GetsRouteConflictEvent()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var web = await TestBackend.StartAsync("web", "127.0.0.15");
        router.AddServiceFor("default", "web", web);
        router.AddIngress("default", "first", "same.example.com", "/", "web");
        await router.WaitForStatusAsync("same.example.com", "/", HttpStatusCode.OK);
        router.AddIngress("default", "second", "same.example.com", "/", "web");

        await Eventually.HoldsAsync(() => router.Kube.All("Event", "default").Any(e =>
            e["reason"]?.GetValue<string>() == "RouteConflict"
            && e["involvedObject"]?["name"]?.GetValue<string>() == "second"
            && e["message"]!.GetValue<string>().Contains("default/first", StringComparison.Ordinal)), "a RouteConflict Event on the younger Ingress");
    }

    [Fact]
    public async Task AccessLog_Enabled_LogsOneLinePerRequest()
    {
        await using var router = await RouterHarness.StartAsync("--access-log=true");
        await using var web = await TestBackend.StartAsync("web", "127.0.0.16");
        router.AddServiceFor("default", "web", web);
        router.AddIngress("default", "logged", "log.example.com", "/", "web");
        await router.WaitForStatusAsync("log.example.com", "/", HttpStatusCode.OK);

        using var response = await router.Client.SendAsync(router.Get("log.example.com", "/visit"));

        await Eventually.HoldsAsync(() => router.Process.StandardOutput.Any(line =>
            line.Contains("log.example.com/visit 200", StringComparison.Ordinal) && line.Contains("ingress=default/logged", StringComparison.Ordinal)), "an access-log line for the request");
    }
}
