using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Benchmarks.Router.Rollout;

/// <summary>
/// A pod whose application is an ASP.NET Core app (Kestrel, in this process) on its own 127.0.x.y address answering "ok". On
/// SIGTERM it does what the host does by default, with no preStop sleep: stops listening at once, gives requests in flight half a
/// second, and closes its kept-alive connections cleanly (FIN) before exiting.
/// </summary>
public sealed class KestrelPod : IPod
{
    private static readonly byte[] Body = "ok"u8.ToArray();
    private readonly WebApplication _app;
    private long _requests;
    private bool _stopped;

    private KestrelPod(string ip, WebApplication app)
    {
        Ip = ip;
        _app = app;
    }

    public string Ip { get; }

    public Task<long> RequestsAsync() => Task.FromResult(Interlocked.Read(ref _requests));

    public static async Task<KestrelPod> StartAsync(string ip, int port)
    {
        // No file watcher for appsettings.json per pod: a long run starts hundreds of pods, and inotify instances are few.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(ip), port));
        var app = builder.Build();
        var pod = new KestrelPod(ip, app);
        app.Run(context =>
        {
            Interlocked.Increment(ref pod._requests);
            context.Response.ContentLength = Body.Length;
            return context.Response.Body.WriteAsync(Body).AsTask();
        });
        await app.StartAsync();
        return pod;
    }

    public async Task ExitAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var grace = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await _app.StopAsync(grace.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await ExitAsync();
        await _app.DisposeAsync();
    }
}
