using Microsoft.AspNetCore.Http;
using Router.Routing;

namespace Router.Proxy;

public static class RedirectDecision
{
    /// <summary>
    /// A request the ALB received over plain http (X-Forwarded-Proto: http, the first hop's value) is redirected when the flag
    /// or its route asks; returns the https URL, or null.
    /// </summary>
    public static string? HttpsLocation(HttpRequest request, Route? route, bool redirectAll)
    {
        if (!(redirectAll || route?.RedirectToHttps == true))
        {
            return null;
        }

        var proto = request.Headers["X-Forwarded-Proto"].ToString();
        var first = proto.Split(',')[0].Trim();
        if (!first.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var host = HostName.Trim(request.Host.Value ?? "").ToString();
        return "https://" + host + request.PathBase + request.Path + request.QueryString;
    }
}
