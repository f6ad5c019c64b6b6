using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AwsIntegrations.Router.Tests.Support;

/// <summary>
/// A TCP connection to the Router that writes requests byte for byte (malformed ones included: HttpClient refuses to send them)
/// and reads responses framed by Content-Length or chunked encoding.
/// </summary>
public sealed class RawConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _buffer = [];

    private RawConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        return new RawConnection(tcp);
    }

    /// <summary>Sends the text as Latin-1 bytes, exactly as written.</summary>
    public async Task SendAsync(string text)
    {
        await _stream.WriteAsync(Encoding.Latin1.GetBytes(text));
        await _stream.FlushAsync();
    }

    /// <summary>The next response; null when the Router closed the connection before one began.</summary>
    public async Task<RawResponse?> ReadResponseAsync(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var head = await ReadUntilAsync("\r\n\r\n"u8.ToArray(), limit.Token);
        if (head is null)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var body = new List<byte>();
        if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            while (true)
            {
                var sizeLine = Encoding.Latin1.GetString((await ReadUntilAsync("\r\n"u8.ToArray(), limit.Token))!);
                var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    await ReadUntilAsync("\r\n"u8.ToArray(), limit.Token);
                    break;
                }

                body.AddRange((await ReadExactlyAsync(size, limit.Token))!);
                await ReadExactlyAsync(2, limit.Token);
            }
        }
        else if (headers.TryGetValue("Content-Length", out var length))
        {
            body.AddRange((await ReadExactlyAsync(int.Parse(length, CultureInfo.InvariantCulture), limit.Token))!);
        }

        return new RawResponse(status, headers, Encoding.UTF8.GetString([.. body]));
    }

    /// <summary>True once the Router has closed (or reset) the connection, waiting at most <paramref name="timeout"/>.</summary>
    public async Task<bool> ClosedAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(chunk, limit.Token);
                if (read == 0)
                {
                    return true;
                }

                _buffer.AddRange(chunk.AsSpan(0, read));
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<byte[]?> ReadUntilAsync(byte[] terminator, CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = IndexOf(terminator);
            if (at >= 0)
            {
                var taken = _buffer.GetRange(0, at).ToArray();
                _buffer.RemoveRange(0, at + terminator.Length);
                return taken;
            }

            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }
    }

    private async Task<byte[]?> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        while (_buffer.Count < count)
        {
            if (!await FillAsync(cancellationToken))
            {
                return null;
            }
        }

        var taken = _buffer.GetRange(0, count).ToArray();
        _buffer.RemoveRange(0, count);
        return taken;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[4096];
        int read;
        try
        {
            read = await _stream.ReadAsync(chunk, cancellationToken);
        }
        catch (IOException)
        {
            return false;
        }

        _buffer.AddRange(chunk.AsSpan(0, read));
        return read > 0;
    }

    private int IndexOf(byte[] terminator)
    {
        for (var i = 0; i + terminator.Length <= _buffer.Count; i++)
        {
            var match = true;
            for (var j = 0; j < terminator.Length && match; j++)
            {
                match = _buffer[i + j] == terminator[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
