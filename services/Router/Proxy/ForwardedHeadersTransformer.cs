using System.Globalization;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Router.Proxy;

/// <summary>
/// YARP's default copy (hop-by-hop headers dropped), plus: the client's Host header is kept (YARP would send the endpoint's
/// address); X-Forwarded-For gets this hop appended to whatever the ALB put there, while X-Forwarded-Proto/Host/Port keep the
/// ALB's single value (what the client used) and are set only when absent: applications compare them to "https" or build URLs from
/// them, and a list such as "https, http" breaks both (Django's SECURE_PROXY_SSL_HEADER, Rails' request.ssl?).
/// </summary>
public class ForwardedHeadersTransformer : HttpTransformer
{
    public static ForwardedHeadersTransformer Instance { get; } = new();

    // The base copy has already carried over any X-Forwarded-Proto/Host/Port the ALB set; they are only added when absent.
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        var request = httpContext.Request;
        proxyRequest.Headers.Host = request.Host.Value;
        Append(proxyRequest, request, "X-Forwarded-For", httpContext.Connection.RemoteIpAddress?.ToString());
        if (!request.Headers.ContainsKey("X-Forwarded-Proto"))
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        }

        if (!request.Headers.ContainsKey("X-Forwarded-Host") && request.Host.HasValue)
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        }

        if (!request.Headers.ContainsKey("X-Forwarded-Port"))
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Port", httpContext.Connection.LocalPort.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Append(HttpRequestMessage proxyRequest, HttpRequest request, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        proxyRequest.Headers.Remove(name);
        var existing = request.Headers[name];
        proxyRequest.Headers.TryAddWithoutValidation(name, existing.Count == 0 ? value : string.Join(", ", [.. existing, value]));
    }
}
