using System.Net;
using System.Net.Sockets;

namespace AwsIntegrations.Router.Tests.Support;

/// <summary>
/// A pod whose process dies with requests unanswered: it accepts each connection, reads the request, and closes the socket with
/// a TCP reset (linger 0), as the kernel does when a process exits with unread data.
/// </summary>
public sealed class ResettingBackend : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _connections;

    public ResettingBackend(string ip, int port)
    {
        Ip = ip;
        _listener = new TcpListener(IPAddress.Parse(ip), port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Ip { get; }

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stopping.Token);
                Interlocked.Increment(ref _connections);
                _ = ResetAfterTheRequestAsync(socket);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task ResetAfterTheRequestAsync(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            await socket.ReceiveAsync(buffer);
        }
        catch (SocketException)
        {
        }

        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
