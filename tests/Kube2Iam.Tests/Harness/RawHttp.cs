using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AwsIntegrations.Kube2Iam.Tests.Harness;

/// <summary>Sends a request target byte for byte (HttpClient would normalise "..", "%2e" and "//" away before sending).</summary>
public static class RawHttp
{
    public static async Task<(int Status, string Body)> SendAsync(string sourceIp, int port, string method, string target, string extraHeaders = "")
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(sourceIp), 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var request = $"{method} {target} HTTP/1.1\r\nHost: 169.254.169.254\r\nConnection: close\r\nContent-Length: 0\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var statusLine = response.Split("\r\n", 2)[0].Split(' ');
        var body = response.Contains("\r\n\r\n", StringComparison.Ordinal) ? response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..] : string.Empty;
        return (int.Parse(statusLine[1], System.Globalization.CultureInfo.InvariantCulture), body);
    }
}
