using System.Net;
using System.Net.Sockets;

namespace AwsIntegrations.Kube2Iam.Tests.Harness;

/// <summary>
/// An HTTP client whose connections leave from one loopback address (127.0.0.x): to the daemon it is the pod that
/// holds that IP, exactly as a pod's packets are after the DNAT rule. Nothing else identifies it.
/// </summary>
public static class PodClient
{
    public static HttpClient From(string sourceIp, int port) => new(Handler(sourceIp))
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A client that reaches http://169.254.169.254 through the daemon as an HTTP proxy (http_proxy=HOST_IP:port).</summary>
    public static HttpClient ThroughProxy(string sourceIp, int port)
    {
        var handler = Handler(sourceIp);
        handler.Proxy = new WebProxy($"http://127.0.0.1:{port}");
        handler.UseProxy = true;
        return new HttpClient(handler) { BaseAddress = new Uri("http://169.254.169.254"), Timeout = TimeSpan.FromSeconds(30) };
    }

    private static SocketsHttpHandler Handler(string sourceIp) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceIp), 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
