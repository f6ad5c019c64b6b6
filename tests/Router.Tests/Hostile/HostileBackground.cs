using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Hostile;

/// <summary>
/// A Router (request headers limited to 16 KiB) with two Ingresses: web.example.com exposes only /public of the "public" pods,
/// admin.example.com everything of the "admin" pods. A hostile request to web.example.com must never reach admin, nor public
/// outside /public.
/// </summary>
public sealed class HostileBackground : IAsyncLifetime
{
    public const int MaxHeaderBytes = 16_384;

    public RouterHarness Router { get; private set; } = null!;

    public TestBackend Public { get; private set; } = null!;

    public TestBackend Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Router = await RouterHarness.StartAsync("--max-request-header-bytes", MaxHeaderBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var port = FreePort.Next();
        Public = await TestBackend.StartAsync("public", "127.25.0.1", port);
        Admin = await TestBackend.StartAsync("admin", "127.25.0.2", port);
        Router.AddServiceFor("default", "public", Public);
        Router.AddServiceFor("default", "admin", Admin);
        Router.AddIngress("default", "web", "web.example.com", "/public", "public");
        Router.AddIngress("default", "admin", "admin.example.com", "/", "admin");
        await Router.WaitForStatusAsync("web.example.com", "/public", System.Net.HttpStatusCode.OK);
        await Router.WaitForStatusAsync("admin.example.com", "/", System.Net.HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await Router.DisposeAsync();
        await Public.DisposeAsync();
        await Admin.DisposeAsync();
    }
}
