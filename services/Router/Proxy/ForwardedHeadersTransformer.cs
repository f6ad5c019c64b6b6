using System.Globalization;
using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Forwarder;

namespace AwsIntegrations.Router.Proxy;

/// <summary>
/// YARP's default copy (hop-by-hop headers dropped), plus: the fields the request's Connection header names are dropped too
/// (<see cref="ConnectionOptions"/>); the client's Host header is kept (YARP would send the endpoint's address); X-Forwarded-For
/// gets this hop appended to whatever the ALB put there, while X-Forwarded-Proto/Host/Port keep the ALB's single value (what the
/// client used) and are set only when absent: applications compare them to "https" or build URLs from them, and a list such as
/// "https, http" breaks both (Django's SECURE_PROXY_SSL_HEADER, Rails' request.ssl?). Answers get a Server field when the
/// backend sent none (<see cref="ServerHeader"/>).
/// </summary>
public class ForwardedHeadersTransformer : HttpTransformer
{
    public static ForwardedHeadersTransformer Instance { get; } = new();

    // The base copy has already carried over any X-Forwarded-Proto/Host/Port the ALB set; they are only added when absent.
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        var request = httpContext.Request;
        var dropped = ConnectionOptions.RemoveNominated(ReceivedConnectionHeader.Of(request.Headers.Connection), proxyRequest);
        proxyRequest.Headers.Host = request.Host.Value;
        AppendFor(proxyRequest, (dropped & ForwardedFields.For) == 0 ? request.Headers["X-Forwarded-For"] : StringValues.Empty,
            httpContext.Connection.RemoteIpAddress?.ToString());
        if ((dropped & ForwardedFields.Proto) != 0 || !request.Headers.ContainsKey("X-Forwarded-Proto"))
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        }

        if (((dropped & ForwardedFields.Host) != 0 || !request.Headers.ContainsKey("X-Forwarded-Host")) && request.Host.HasValue)
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        }

        if ((dropped & ForwardedFields.Port) != 0 || !request.Headers.ContainsKey("X-Forwarded-Port"))
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Port", PortText(httpContext.Connection.LocalPort));
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        if (proxyResponse is not null)
        {
            ServerHeader.AddIfAbsent(httpContext.Response);
        }

        return proceed;
    }

    // The Router listens on one port: its text is made once, not on every request.
    private static PortName? _portText;

    private static string PortText(int port)
    {
        if (_portText is { } cached && cached.Port == port)
        {
            return cached.Text;
        }

        var text = port.ToString(CultureInfo.InvariantCulture);
        _portText = new PortName(port, text);
        return text;
    }

    private sealed record PortName(int Port, string Text);

    private static void AppendFor(HttpRequestMessage proxyRequest, StringValues received, string? peer)
    {
        if (string.IsNullOrEmpty(peer))
        {
            return;
        }

        proxyRequest.Headers.Remove("X-Forwarded-For");
        proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", received.Count == 0 ? peer : string.Join(", ", [.. received, peer]));
    }
}
