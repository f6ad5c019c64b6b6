using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Router.Tests.Support;

/// <summary>
/// A real Kestrel app on a 127.0.0.x address standing in for a pod: answers JSON naming itself and what it received,
/// echoes WebSocket messages on /ws, and streams on /stream until released.
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private TestBackend(string name, WebApplication app, string ip, int port)
    {
        Name = name;
        _app = app;
        Ip = ip;
        Port = port;
    }

    public string Name { get; }

    public string Ip { get; }

    public int Port { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Released by the test to let /stream finish.</summary>
    public TaskCompletionSource StreamRelease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TestBackend> StartAsync(string name, string ip, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(ip), port));
        var app = builder.Build();
        TestBackend? self = null;
        app.UseWebSockets();
        app.Run(context => self!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new TestBackend(name, app, ip, new Uri(address).Port);
        return self;
    }

    /// <summary>Stops at once, as an application that simply exits on SIGTERM: the listener closes, in-flight requests get a moment.</summary>
    public async Task StopAsync()
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await _app.StopAsync(quick.Token);
    }

    public async ValueTask DisposeAsync()
    {
        StreamRelease.TrySetResult();
        await StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (context.WebSockets.IsWebSocketRequest)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }

                var reply = System.Text.Encoding.UTF8.GetBytes(Name + ":" + System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count));
                await socket.SendAsync(reply, WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }

        if (context.Request.Path == "/slow")
        {
            await StreamRelease.Task;
        }

        if (context.Request.Path == "/stream")
        {
            await context.Response.WriteAsync("first\n");
            await context.Response.Body.FlushAsync();
            await StreamRelease.Task;
            await context.Response.WriteAsync("last\n");
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new BackendEcho
        {
            Backend = Name,
            Host = context.Request.Host.Value ?? "",
            Path = context.Request.Path.Value + context.Request.QueryString.Value,
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
        }));
    }
}
