using System.Net;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Who sent a request, as skipper's net package reads it: the first X-Forwarded-For address (RemoteHost), the last one
/// (RemoteHostFromLast, what an AWS ALB appends), or the connection's peer; an X-Forwarded-For entry that is not an address
/// (an optional port is allowed) falls back to the peer.
/// </summary>
public static class ClientAddress
{
    public static IPAddress? Source(HttpRequest request) => Forwarded(request, first: true) ?? request.HttpContext.Connection.RemoteIpAddress;

    public static IPAddress? SourceFromLast(HttpRequest request) => Forwarded(request, first: false) ?? request.HttpContext.Connection.RemoteIpAddress;

    public static IPAddress? Peer(HttpRequest request) => request.HttpContext.Connection.RemoteIpAddress;

    public static string Text(IPAddress? address) => address?.ToString() ?? "";

    private static IPAddress? Forwarded(HttpRequest request, bool first)
    {
        var header = request.Headers["X-Forwarded-For"];
        if (header.Count == 0)
        {
            return null;
        }

        var value = (first ? header[0] : header[^1]).AsSpan();
        var comma = first ? value.IndexOf(',') : value.LastIndexOf(',');
        var entry = (comma < 0 ? value : first ? value[..comma] : value[(comma + 1)..]).Trim();
        return IPEndPoint.TryParse(entry, out var endpoint) ? endpoint.Address : null;
    }
}
