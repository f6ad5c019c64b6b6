using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// requestCookie(name, value) adds a cookie to the request; responseCookie(name, value[, maxAge[, "change-only"]]) and
/// jsCookie (the same without HttpOnly) set one on the response for the request's parent domain, Secure, Path=/
/// (filters/cookie/cookie.go). A Max-Age of 0 expires the cookie; "change-only" skips clients that already have the value.
/// </summary>
public sealed class CookieFilter(string name, string value, bool onResponse, bool httpOnly, int? maxAge, bool changeOnly) : RouteFilter
{
    public override void Request(FilterContext context)
    {
        if (onResponse)
        {
            return;
        }

        var cookie = context.Request.Headers.Cookie.ToString();
        context.Request.Headers.Cookie = (cookie.Length > 0 ? cookie + "; " : "") + name + "=" + value;
    }

    public override void Response(FilterContext context)
    {
        if (!onResponse || (changeOnly && context.Request.Cookies.TryGetValue(name, out var current) && current == value))
        {
            return;
        }

        var text = $"{name}={value}; Path=/; Domain={ParentDomain(context.Request.Host.Host)}";
        if (maxAge is { } age)
        {
            text += "; Max-Age=" + Math.Max(0, age).ToString(CultureInfo.InvariantCulture);
        }

        text += (httpOnly ? "; HttpOnly" : "") + "; Secure";
        context.Response.Headers.Append(HeaderNames.SetCookie, text);
    }

    /// <summary>One label less than the host ("app.example.org" → "example.org"), unless that would leave a single label.</summary>
    public static string ParentDomain(string host)
    {
        var dots = host.Count(c => c == '.');
        return dots < 2 ? host : host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..];
    }
}
