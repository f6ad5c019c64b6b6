using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Hostile;

/// <summary>
/// Slowloris and slow uploads: clients that open connections and trickle bytes to hold them. Kestrel serves each connection
/// asynchronously (no thread is held), so other requests pass; it closes a connection whose headers took longer than its
/// RequestHeadersTimeout (30 s) or whose body arrives slower than MinRequestBodyDataRate (240 bytes/s after a 5 s grace).
/// Waits are generous: a loaded machine only makes them close later.
/// </summary>
public sealed class SlowClientTests : IAsyncLifetime
{
    private RouterHarness _router = null!;
    private TestBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _router = await RouterHarness.StartAsync();
        _backend = await TestBackend.StartAsync("web", "127.25.1.1", FreePort.Next());
        _router.AddServiceFor("default", "web", _backend);
        _router.AddIngress("default", "web", "web.example.com", "/", "web");
        await _router.WaitForStatusAsync("web.example.com", "/", HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task SlowClients_HoldConnections_WhileOtherRequestsPass_ThenAreClosed()
    {
        using var stop = new CancellationTokenSource();
        var slowHeaders = new List<RawConnection>();
        var slowBodies = new List<RawConnection>();
        var trickles = new List<Task>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                var connection = await RawConnection.OpenAsync(_router.Port);
                await connection.SendAsync("GET / HTTP/1.1\r\nHost: web.example.com\r\n");
                slowHeaders.Add(connection);
                trickles.Add(TrickleAsync(connection, i => $"X-Slow-{i}: x\r\n", stop.Token));
            }

            for (var i = 0; i < 5; i++)
            {
                var connection = await RawConnection.OpenAsync(_router.Port);
                await connection.SendAsync("POST /upload HTTP/1.1\r\nHost: web.example.com\r\nContent-Length: 100000\r\n\r\n");
                slowBodies.Add(connection);
                trickles.Add(TrickleAsync(connection, _ => "x", stop.Token));
            }

            for (var i = 0; i < 20; i++)
            {
                using var response = await _router.Client.SendAsync(_router.Get("web.example.com", $"/normal/{i}"));
                response.StatusCode.Should().Be(HttpStatusCode.OK, "105 connections held open take no request's turn");
            }

            foreach (var connection in slowBodies)
            {
                (await connection.ClosedAsync(TimeSpan.FromSeconds(90))).Should().BeTrue("a body at 1 byte/s is below the minimum data rate");
            }

            foreach (var connection in slowHeaders)
            {
                (await connection.ClosedAsync(TimeSpan.FromSeconds(120))).Should().BeTrue("headers still incomplete after the request-headers timeout");
            }

            using var after = await _router.Client.SendAsync(_router.Get("web.example.com", "/after"));
            after.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(trickles);
            foreach (var connection in slowHeaders.Concat(slowBodies))
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>One small piece a second until the Router closes the connection or the test ends.</summary>
    private static async Task TrickleAsync(RawConnection connection, Func<int, string> piece, CancellationToken stop)
    {
        try
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
                await connection.SendAsync(piece(i));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Closed by the Router, or the test is over.
        }
    }
}
