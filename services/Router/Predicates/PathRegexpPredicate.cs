using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>
/// PathRegexp(/re/) on the request path. The patterns Ingress paths become in skipper's kubernetes-ingress mode, <c>^/</c>
/// and <c>^(/literal/path)</c>, are compared as string prefixes without a regular expression.
/// </summary>
public sealed class PathRegexpPredicate : IRequestPredicate
{
    private readonly Regex? _regex;
    private readonly string? _prefix;

    private PathRegexpPredicate(Regex? regex, string? prefix)
    {
        _regex = regex;
        _prefix = prefix;
    }

    public static PathRegexpPredicate Prefix(string prefix) => new(null, prefix);

    public static PathRegexpPredicate Of(Regex regex) => new(regex, null);

    /// <summary>The literal prefix a pattern such as <c>^/</c> or <c>^(/a/b)</c> stands for, if it is one.</summary>
    public static string? LiteralPrefix(string pattern)
    {
        if (!pattern.StartsWith('^'))
        {
            return null;
        }

        var body = pattern[1..];
        if (body.Length >= 2 && body[0] == '(' && body[^1] == ')')
        {
            body = body[1..^1];
        }

        return body.AsSpan().IndexOfAny(@"\.+*?()|[]{}^$") < 0 ? body : null;
    }

    public bool Matches(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        return _prefix is not null ? path.StartsWith(_prefix, StringComparison.Ordinal) : _regex!.IsMatch(path);
    }
}
