using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// redirectTo(code[, location]) answers with a redirect (filters/builtin/redirect.go). What the location leaves out comes from
/// the request: scheme (https), host (the Host header as sent), path and query; "https:" alone is the https redirect.
/// </summary>
public sealed class RedirectFilter(int code, string? scheme, string? host, string? path, string? query) : RouteFilter
{
    public static RedirectFilter Parse(int code, string location)
    {
        string? scheme = null;
        string? host = null;
        var rest = location;
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && char.IsAsciiLetter(rest[0]) && rest[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            scheme = rest[..colon];
            rest = rest[(colon + 1)..];
        }

        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny(['/', '?'], 2);
            host = end < 0 ? rest[2..] : rest[2..end];
            rest = end < 0 ? "" : rest[end..];
        }

        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rest : rest[..question];
        var query = question < 0 ? null : rest[(question + 1)..];
        return new RedirectFilter(code, scheme, host is { Length: > 0 } ? host : null, path.Length > 0 ? path : null, query is { Length: > 0 } ? query : null);
    }

    public override void Request(FilterContext context)
    {
        var request = context.Request;
        var targetQuery = query ?? (request.QueryString.HasValue ? request.QueryString.Value![1..] : "");
        var location = (scheme ?? "https") + "://" + (host ?? request.Host.Value ?? "")
            + (path ?? request.PathBase.Add(request.Path).ToUriComponent()) + (targetQuery.Length > 0 ? "?" + targetQuery : "");
        context.Response.Headers.Location = location;
        context.Serve(code);
    }
}
