using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Router.Benchmarks.Rollout;

/// <summary>
/// A pod of the rolled-out Deployment: a Kestrel app on its own 127.0.x.y address that answers "ok", and on SIGTERM simply
/// exits (stops listening at once, gives in-flight requests half a second) without any graceful-termination dance.
/// </summary>
public sealed class Pod : IAsyncDisposable
{
    private static readonly byte[] Body = "ok"u8.ToArray();
    private readonly WebApplication _app;
    private long _requests;
    private bool _stopped;

    private Pod(string ip, WebApplication app)
    {
        Ip = ip;
        _app = app;
    }

    public string Ip { get; }

    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<Pod> StartAsync(string ip, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(ip), port));
        var app = builder.Build();
        var pod = new Pod(ip, app);
        app.Run(context =>
        {
            Interlocked.Increment(ref pod._requests);
            context.Response.ContentLength = Body.Length;
            return context.Response.Body.WriteAsync(Body).AsTask();
        });
        await app.StartAsync();
        return pod;
    }

    /// <summary>What an application that does not handle SIGTERM specially does when it gets one.</summary>
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
