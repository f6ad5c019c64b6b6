using System.Net.Http;
using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Filters;
using Yarp.ReverseProxy.Forwarder;

namespace AwsIntegrations.Router.Proxy;

/// <summary>
/// The forwarded-headers transform plus the response phase of a route's filters, run once the backend's status and headers
/// are copied to the response and before any of its body is sent.
/// </summary>
public sealed class FilteringTransformer : ForwardedHeadersTransformer
{
    public static new FilteringTransformer Instance { get; } = new();

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        if (proxyResponse is not null)
        {
            httpContext.Features.Get<FilterContext>()?.RunResponseFilters();
        }

        return proceed;
    }
}
