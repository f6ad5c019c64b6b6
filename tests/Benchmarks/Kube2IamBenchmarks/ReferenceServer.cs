using System.Net;
using AwsIntegrations.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Benchmarks.Kube2Iam;

/// <summary>The reference: bare Kestrel in this process answering a fixed document of the same size (HTTP on loopback, nothing else).</summary>
internal sealed class ReferenceServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ReferenceServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<ReferenceServer> StartAsync(string document)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync(document));
        await app.StartAsync();
        return new ReferenceServer(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
