using System.Net;
using System.Runtime.InteropServices;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Functional;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_HealthzFailsWhileTrafficStillFlows_ThenExits()
    {
        await using var router = await RouterHarness.StartAsync(TimeSpan.FromSeconds(3));
        await using var web = await TestBackend.StartAsync("web", "127.0.0.13");
        router.AddServiceFor("default", "web", web);
        router.AddIngress("default", "web", "drain.example.com", "/", "web");
        await router.WaitForStatusAsync("drain.example.com", "/", HttpStatusCode.OK);
        await router.WaitForStatusAsync("any-host.example.org", "/kube-system/healthz", HttpStatusCode.OK);

        router.Process.SendSignal(PosixSignal.SIGTERM);

        await router.WaitForStatusAsync("any-host.example.org", "/kube-system/healthz", HttpStatusCode.ServiceUnavailable);
        using (var during = await router.Client.SendAsync(router.Get("drain.example.com", "/")))
        {
            during.StatusCode.Should().Be(HttpStatusCode.OK, "the Router keeps serving for --shutdown-delay so the ALB can drain it");
        }

        (await router.Process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(0, router.Process.Output);
    }

    [Fact]
    public async Task Start_BadFlag_ExitsWithCode2AndNamesTheFlag()
    {
        await using var process = ChildProcess.StartDotnet(Path.Combine(AppContext.BaseDirectory, "Router.dll"), ["--default-load-balancer", "least-busy"]);

        (await process.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().Be(2);
        process.Output.Should().Contain("default-load-balancer");
    }
}
