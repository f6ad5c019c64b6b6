using System.Globalization;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Router.Proxy;

/// <summary>
/// YARP's default copy (hop-by-hop headers dropped), plus: the client's Host header is kept (YARP would send the endpoint's
/// address), and X-Forwarded-For/Proto/Host/Port get this hop appended to whatever the ALB already put there.
/// </summary>
public sealed class ForwardedHeadersTransformer : HttpTransformer
{
    public static ForwardedHeadersTransformer Instance { get; } = new();

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        var request = httpContext.Request;
        proxyRequest.Headers.Host = request.Host.Value;
        Append(proxyRequest, request, "X-Forwarded-For", httpContext.Connection.RemoteIpAddress?.ToString());
        Append(proxyRequest, request, "X-Forwarded-Proto", request.Scheme);
        Append(proxyRequest, request, "X-Forwarded-Host", request.Host.Value);
        Append(proxyRequest, request, "X-Forwarded-Port", httpContext.Connection.LocalPort.ToString(CultureInfo.InvariantCulture));
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
