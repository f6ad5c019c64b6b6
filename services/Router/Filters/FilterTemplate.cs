using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// A filter argument with skipper's placeholders (eskip/template.go): ${request.method}, ${request.host}, ${request.path},
/// ${request.rawQuery}, ${request.query.NAME}, ${request.header.NAME}, ${request.cookie.NAME}, ${request.source},
/// ${request.sourceFromLast}, ${request.clientIP} and, in the response phase, ${response.header.NAME}. Path parameters do not
/// exist here (path wildcards are not supported), so other names are empty.
/// </summary>
public sealed class FilterTemplate
{
    private readonly string _text;
    private readonly (string Placeholder, string Name)[] _placeholders;

    public FilterTemplate(string text)
    {
        _text = text;
        var found = new List<(string, string)>();
        for (var start = text.IndexOf("${", StringComparison.Ordinal); start >= 0; start = text.IndexOf("${", start + 2, StringComparison.Ordinal))
        {
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                break;
            }

            var name = text[(start + 2)..end];
            if (name.Length > 0 && !name.Contains('{', StringComparison.Ordinal))
            {
                found.Add((text[start..(end + 1)], name));
            }
        }

        _placeholders = [.. found];
    }

    public bool IsConstant => _placeholders.Length == 0;

    /// <summary>The text with placeholders replaced; false when one of them was empty (skipper then leaves a header alone).</summary>
    public bool TryApply(FilterContext context, out string value)
    {
        value = _text;
        var complete = true;
        foreach (var (placeholder, name) in _placeholders)
        {
            var resolved = Resolve(context, name);
            complete &= resolved.Length > 0;
            value = value.Replace(placeholder, resolved, StringComparison.Ordinal);
        }

        return complete;
    }

    private static string Resolve(FilterContext context, string name)
    {
        var request = context.Request;
        if (name.StartsWith("request.header.", StringComparison.Ordinal))
        {
            return First(request.Headers[name["request.header.".Length..]]);
        }

        if (name.StartsWith("request.query.", StringComparison.Ordinal))
        {
            return First(request.Query[name["request.query.".Length..]]);
        }

        if (name.StartsWith("request.cookie.", StringComparison.Ordinal))
        {
            return request.Cookies[name["request.cookie.".Length..]] ?? "";
        }

        if (context.InResponse && name.StartsWith("response.header.", StringComparison.Ordinal))
        {
            return First(context.Response.Headers[name["response.header.".Length..]]);
        }

        return name switch
        {
            "request.method" => request.Method,
            "request.host" => request.Host.Value ?? "",
            "request.path" => request.Path.Value ?? "",
            "request.rawQuery" => request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            "request.source" => ClientAddress.Text(ClientAddress.Source(request)),
            "request.sourceFromLast" => ClientAddress.Text(ClientAddress.SourceFromLast(request)),
            "request.clientIP" => ClientAddress.Text(ClientAddress.Peer(request)),
            _ => "",
        };
    }

    private static string First(Microsoft.Extensions.Primitives.StringValues values) => values.Count > 0 ? values[0] ?? "" : "";
}
