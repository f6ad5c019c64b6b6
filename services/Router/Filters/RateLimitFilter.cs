using System.Globalization;
using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// clientRatelimit(maxHits, window[, headers]) counts per client: by default its address (first X-Forwarded-For entry, else
/// the peer), or the value of a header, or of several comma-separated headers together; ratelimit(maxHits, window[, status])
/// counts all requests of the route together. Over the limit: 429 (or the given status) with X-Rate-Limit (the limit per hour)
/// and Retry-After (seconds), as skipper answers. A request without the chosen header is not limited.
/// </summary>
public sealed class RateLimitFilter(SlidingWindowLimiter limiter, string[]? headers, bool perClient, int status) : RouteFilter
{
    private readonly string _perHour = ((long)(limiter.MaxHits * (TimeSpan.FromHours(1) / limiter.Window))).ToString(CultureInfo.InvariantCulture);

    public override void Request(FilterContext context)
    {
        var client = perClient ? ClientKey(context.Request) : "";
        if (perClient && client.Length == 0)
        {
            return;
        }

        if (!limiter.TryAcquire(client, out var retryAfter))
        {
            context.Response.Headers["X-Rate-Limit"] = _perHour;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            context.Serve(status);
        }
    }

    private string ClientKey(HttpRequest request)
    {
        if (headers is null)
        {
            return ClientAddress.Text(ClientAddress.Source(request));
        }

        if (headers.Length == 1)
        {
            return request.Headers[headers[0]].FirstOrDefault() ?? "";
        }

        return string.Concat(headers.Select(h => h.Equals("X-Forwarded-For", StringComparison.OrdinalIgnoreCase)
            ? ClientAddress.Text(ClientAddress.Source(request))
            : request.Headers[h].FirstOrDefault() ?? ""));
    }
}
