using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Sandbox;

/// <summary>The demo application: a small HTTP server that stands in for the pods behind the Service "app".</summary>
public sealed class BackendApp : IAsyncDisposable
{
    public const string Address = "127.0.0.3";

    private readonly WebApplication _app;

    private BackendApp(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public long Requests => Interlocked.Read(ref _requests);

    private static long _requests;

    public static async Task<BackendApp> StartAsync()
    {
        var port = SandboxEnvironment.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(Address), port));
        var app = builder.Build();
        app.Run(context =>
        {
            Interlocked.Increment(ref _requests);
            return context.Response.WriteAsync($"hello from app (Host: {context.Request.Host}, X-Forwarded-Proto: {context.Request.Headers["X-Forwarded-Proto"]})\n");
        });
        await app.StartAsync();
        return new BackendApp(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
