using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Proxy;

public static class RedirectDecision
{
    /// <summary>
    /// A request the ALB received over plain http (X-Forwarded-Proto: http, the first hop's value) is redirected when its route
    /// asks (the Ingress's choice, which already accounts for the flag), or, without a route, when the flag says so; returns
    /// the https URL and the status, or null.
    /// </summary>
    public static string? HttpsLocation(HttpRequest request, Route? route, bool redirectAll, int defaultCode, out int code)
    {
        code = route is null ? (redirectAll ? defaultCode : 0) : route.RedirectCode;
        if (code == 0)
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
