using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Filters;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Proxy;

/// <summary>Routes with filters, &lt;shunt&gt; or &lt;loopback&gt; (skipper's proxy.do): everything else takes the plain path.</summary>
public sealed partial class ProxyHandler
{
    /// <summary>skipper's -max-loopbacks default.</summary>
    public const int MaxLoopbacks = 9;

    /// <summary>
    /// Request filters in order (until one answers), then: &lt;shunt&gt; answers (404 unless a filter set the status),
    /// &lt;loopback&gt; looks the changed request up again, a Service backend is forwarded to; then the response filters, in
    /// reverse order, innermost route first. A Service without endpoints answers 502 without running filters, as skipper's
    /// no-endpoints route does.
    /// </summary>
    private async Task<string?> FilteredAsync(HttpContext context, Route route)
    {
        var filters = new FilterContext(context);
        context.Features.Set(filters);
        while (true)
        {
            if (route.Action == RouteAction.Forward && route.Backend!.Endpoints.Length == 0)
            {
                return await NoEndpointsAsync(context, route).ConfigureAwait(false);
            }

            if (route.Filters is { } chain)
            {
                filters.RunRequestFilters(chain);
            }

            if (filters.Served || route.Action == RouteAction.Shunt)
            {
                if (!filters.Served)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }

                ServerHeader.AddIfAbsent(context.Response);
                filters.RunResponseFilters();
                if (!filters.Body.IsEmpty && context.Response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
                    && !HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.ContentLength = filters.Body.Length;
                    await context.Response.Body.WriteAsync(filters.Body, context.RequestAborted).ConfigureAwait(false);
                }

                return null;
            }

            if (route.Action == RouteAction.Forward)
            {
                return await ForwardAsync(context, route, FilteringTransformer.Instance).ConfigureAwait(false);
            }

            if (++filters.Loops > MaxLoopbacks)
            {
                await PlainAsync(context, StatusCodes.Status500InternalServerError, $"more than {MaxLoopbacks} loopbacks, last route of Ingress {route.Ingress}\n").ConfigureAwait(false);
                return null;
            }

            if (tables.Current.Match(context.Request) is not { } next)
            {
                await PlainAsync(context, StatusCodes.Status404NotFound, "no route for this host and path\n").ConfigureAwait(false);
                return null;
            }

            route = next;
        }
    }
}
