using System.Buffers;
using System.Net.Http;
using Microsoft.Extensions.Primitives;

namespace AwsIntegrations.Router.Proxy;

/// <summary>
/// RFC 9110 section 7.6.1: before forwarding, a proxy removes every field the request's Connection header names, as those are
/// meant for this hop only. Without it, "Connection: close, X-Forwarded-For" (or an authentication header a proxy in front adds)
/// is the hop-by-hop header attack: a field the application trusts is stripped or, here, passed on when it should not be.
/// The fields are removed from what was received, before this hop adds its own X-Forwarded-* values.
/// </summary>
public static class ConnectionOptions
{
    // RFC 9110 section 5.6.2 tchar: anything else cannot name a field.
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Removes the named fields from the outgoing request; returns which X-Forwarded-* fields went.</summary>
    public static ForwardedFields RemoveNominated(StringValues connection, HttpRequestMessage proxyRequest)
    {
        var dropped = ForwardedFields.None;
        foreach (var value in connection)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var range in value.AsSpan().Split(','))
            {
                var name = value.AsSpan(range).Trim(' ').Trim('\t');
                if (name.IsEmpty || name.ContainsAnyExcept(TokenChars) || IsKept(name))
                {
                    continue;
                }

                Remove(proxyRequest, name.ToString());
                dropped |= Forwarded(name);
            }
        }

        return dropped;
    }

    // HttpHeaders.Remove throws for a name that belongs to the other collection (Content-Type on the request's own headers) or to
    // responses only (Location): a client may name anything, so only what is present is removed.
    private static void Remove(HttpRequestMessage proxyRequest, string field)
    {
        if (proxyRequest.Headers.NonValidated.Contains(field))
        {
            proxyRequest.Headers.Remove(field);
        }

        if (proxyRequest.Content is { } content && content.Headers.NonValidated.Contains(field))
        {
            content.Headers.Remove(field);
        }
    }

    /// <summary>
    /// Options that name no end-to-end field (keep-alive, close, upgrade: YARP already handles them), and the fields that describe
    /// the message rather than the connection: Host is set from the request target, Content-Length frames the body (as Go's
    /// ReverseProxy, which keeps both outside its header map).
    /// </summary>
    private static bool IsKept(ReadOnlySpan<char> name) =>
        name.Equals("keep-alive", StringComparison.OrdinalIgnoreCase) || name.Equals("close", StringComparison.OrdinalIgnoreCase)
        || name.Equals("upgrade", StringComparison.OrdinalIgnoreCase) || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase);

    private static ForwardedFields Forwarded(ReadOnlySpan<char> name) =>
        name.Equals("X-Forwarded-For", StringComparison.OrdinalIgnoreCase) ? ForwardedFields.For
        : name.Equals("X-Forwarded-Proto", StringComparison.OrdinalIgnoreCase) ? ForwardedFields.Proto
        : name.Equals("X-Forwarded-Host", StringComparison.OrdinalIgnoreCase) ? ForwardedFields.Host
        : name.Equals("X-Forwarded-Port", StringComparison.OrdinalIgnoreCase) ? ForwardedFields.Port
        : ForwardedFields.None;
}
