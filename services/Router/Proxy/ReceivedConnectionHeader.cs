using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Primitives;

namespace AwsIntegrations.Router.Proxy;

/// <summary>
/// The Connection header of the current request as the client sent it. Kestrel rewrites a Connection header whose only known
/// option is keep-alive, close or upgrade to that option alone (aspnetcore's HttpHeaders.ParseConnection interns it), so
/// "Connection: keep-alive, X-Secret" reaches the application as "keep-alive" and the field names it carries are lost. Kestrel's
/// header-decoding hook (<see cref="KestrelServerOptions.RequestHeaderEncodingSelector"/>) sees every value as received: the
/// Connection values are recorded per connection (an HTTP/1.1 connection parses its next request only once the current one is
/// answered) and handed to the request when it starts. Kestrel does not decode a value byte-identical to the one it kept from
/// the previous request (string reuse): that value is then Kestrel's own, which <see cref="Of"/> falls back to. Only a request
/// that repeats such a line beside another Connection line can have the names in the repeated line missed; they then pass as if
/// not named.
/// </summary>
public sealed class ReceivedConnectionHeader
{
    /// <summary>Kestrel's limit on the header lines of one request: more values than that are not one request's.</summary>
    private const int MaxValues = 100;

    private const string KeepAlive = "keep-alive";

    private static readonly AsyncLocal<ReceivedConnectionHeader?> OfConnection = new();

    private List<string> _received = [];
    private List<string> _request = [];

    /// <summary>Gives every connection its record and has Kestrel report Connection values to it.</summary>
    public static void Install(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.RequestHeaderEncodingSelector = name =>
            string.Equals(name, "Connection", StringComparison.OrdinalIgnoreCase) ? RecordingHeaderEncoding.Instance : null;
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
        {
            OfConnection.Value = new ReceivedConnectionHeader();
            await next(connection).ConfigureAwait(false);
        }));
    }

    /// <summary>Called while Kestrel parses a request, for each of its Connection values.</summary>
    internal static void Record(ReadOnlySpan<char> value)
    {
        if (OfConnection.Value is not { } record)
        {
            return;
        }

        if (record._received.Count == MaxValues)
        {
            record._received.Clear();
        }

        record._received.Add(value.Equals(KeepAlive, StringComparison.OrdinalIgnoreCase) ? KeepAlive : value.ToString());
    }

    /// <summary>At the start of a request: what was recorded since the last one is this request's.</summary>
    public static void BeginRequest()
    {
        if (OfConnection.Value is { } record)
        {
            (record._request, record._received) = (record._received, record._request);
            record._received.Clear();
        }
    }

    /// <summary>The current request's Connection values as received; Kestrel's when none were recorded.</summary>
    public static StringValues Of(StringValues parsed)
    {
        // Kestrel saw no Connection header on this request: nothing recorded can be this request's.
        if (parsed.Count == 0 || OfConnection.Value is not { _request.Count: > 0 } record)
        {
            return parsed;
        }

        return record._request.Count == 1 ? new StringValues(record._request[0]) : new StringValues([.. record._request]);
    }
}
