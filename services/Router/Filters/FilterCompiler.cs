using AwsIntegrations.Hosting.Options;
using AwsIntegrations.Router.Eskip;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Filters;

/// <summary>
/// Turns eskip filters into filter instances. Supported: setRequestHeader, appendRequestHeader, dropRequestHeader,
/// setResponseHeader, appendResponseHeader, dropResponseHeader, setPath, modPath, redirectTo, status, inlineContent,
/// clientRatelimit, ratelimit, requestCookie, responseCookie, jsCookie, comment and annotate. Anything else is unknown, and
/// the route is left out.
/// </summary>
public static class FilterCompiler
{
    public const string UnknownFilter = "UnknownFilter";
    public const string InvalidFilter = "InvalidFilter";

    public static IReadOnlyList<string> Supported { get; } =
        ["setRequestHeader", "appendRequestHeader", "dropRequestHeader", "setResponseHeader", "appendResponseHeader", "dropResponseHeader",
         "setPath", "modPath", "redirectTo", "status", "inlineContent", "clientRatelimit", "ratelimit", "requestCookie", "responseCookie", "jsCookie",
         "comment", "annotate"];

    /// <summary>
    /// Creates one filter. Rate limiters are shared by the filters of one Ingress with the same settings
    /// (<paramref name="scope"/> names the Ingress) and keep their counts across route-table builds.
    /// </summary>
    public static bool TryCreate(EskipCall call, BuildState settings, string scope, out RouteFilter? filter, out RouteProblem? problem)
    {
        var a = call.Arguments;
        string? invalid = null;
        filter = null;
        problem = null;
        switch (call.Name)
        {
            case "setRequestHeader" or "appendRequestHeader" or "setResponseHeader" or "appendResponseHeader":
                if (!Strings(a, 2))
                {
                    invalid = Expects(call, "a header name and a value");
                }
                else
                {
                    var operation = call.Name switch
                    {
                        "setRequestHeader" => HeaderOperation.SetRequest,
                        "appendRequestHeader" => HeaderOperation.AppendRequest,
                        "setResponseHeader" => HeaderOperation.SetResponse,
                        _ => HeaderOperation.AppendResponse,
                    };
                    filter = new HeaderFilter(operation, a[0].Text, new FilterTemplate(a[1].Text));
                }

                break;
            case "dropRequestHeader" or "dropResponseHeader":
                if (!Strings(a, 1))
                {
                    invalid = Expects(call, "a header name");
                }
                else
                {
                    filter = new HeaderFilter(call.Name == "dropRequestHeader" ? HeaderOperation.DropRequest : HeaderOperation.DropResponse, a[0].Text, null);
                }

                break;
            case "setPath":
                if (!Strings(a, 1))
                {
                    invalid = Expects(call, "a path");
                }
                else
                {
                    filter = new PathFilter(new FilterTemplate(a[0].Text), null, null);
                }

                break;
            case "modPath":
                if (!(a.Count == 2 && a[0].IsText && a[1].Kind == ArgumentKind.String))
                {
                    invalid = Expects(call, "a regular expression and a replacement");
                }
                else if (!settings.Regexes.TryGet(a[0].Text, out var regex, out var regexProblem))
                {
                    invalid = regexProblem;
                }
                else
                {
                    filter = new PathFilter(null, regex, a[1].Text);
                }

                break;
            case "redirectTo":
                if (!(a.Count is 1 or 2) || a[0].Kind != ArgumentKind.Number || (a.Count == 2 && a[1].Kind != ArgumentKind.String))
                {
                    invalid = Expects(call, "a status code and an optional location");
                }
                else
                {
                    filter = RedirectFilter.Parse((int)a[0].Number, a.Count == 2 ? a[1].Text : "");
                }

                break;
            case "status":
                if (a.Count != 1 || a[0].Kind != ArgumentKind.Number || a[0].Number is < 100 or > 999)
                {
                    invalid = Expects(call, "a status code");
                }
                else
                {
                    filter = new StatusFilter((int)a[0].Number);
                }

                break;
            case "inlineContent":
                if (!(a.Count is 1 or 2) || a.Any(x => x.Kind != ArgumentKind.String))
                {
                    invalid = Expects(call, "a text and an optional content type");
                }
                else
                {
                    filter = new InlineContentFilter(a[0].Text, a.Count == 2 ? a[1].Text : null);
                }

                break;
            case "clientRatelimit" or "ratelimit":
                invalid = RateLimit(call, settings, scope, out filter);
                break;
            case "requestCookie" or "responseCookie" or "jsCookie":
                invalid = Cookie(call, out filter);
                break;
            case "comment" or "annotate":
                filter = NoOpFilter.Instance;
                break;
            default:
                problem = new RouteProblem(UnknownFilter, PredicateNames.Contains(call.Name)
                    ? $"filter \"{call.Name}\" not found: it is only available as a predicate"
                    : $"filter \"{call.Name}\" not found");
                return false;
        }

        if (invalid is not null)
        {
            problem = new RouteProblem(InvalidFilter, invalid);
            filter = null;
            return false;
        }

        return true;
    }

    private static readonly HashSet<string> PredicateNames = new(Predicates.PredicateCompiler.Supported, StringComparer.Ordinal);

    private static bool Strings(IReadOnlyList<EskipArgument> a, int count) => a.Count == count && a.All(x => x.Kind == ArgumentKind.String);

    private static string Expects(EskipCall call, string what) => $"{call}: {call.Name} expects {what}";

    private static string? RateLimit(EskipCall call, BuildState settings, string scope, out RouteFilter? filter)
    {
        filter = null;
        var a = call.Arguments;
        var perClient = call.Name == "clientRatelimit";
        if (!(a.Count is 2 or 3) || a[0].Kind != ArgumentKind.Number || a[0].Number < 1 || !Duration(a[1], out var window)
            || (a.Count == 3 && (perClient ? a[2].Kind != ArgumentKind.String : a[2].Kind != ArgumentKind.Number)))
        {
            return Expects(call, perClient
                ? "a number of requests, a time window such as \"1m\" and optional header names"
                : "a number of requests, a time window such as \"1m\" and an optional status code");
        }

        var maxHits = (int)a[0].Number;
        var limiter = settings.RateLimiters.GetOrAdd($"{scope}|{call}", _ => new SlidingWindowLimiter(maxHits, window, settings.Time));
        string[]? headers = perClient && a.Count == 3 ? a[2].Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        filter = new RateLimitFilter(limiter, headers, perClient, !perClient && a.Count == 3 ? (int)a[2].Number : 429);
        return null;
    }

    private static string? Cookie(EskipCall call, out RouteFilter? filter)
    {
        filter = null;
        var a = call.Arguments;
        var request = call.Name == "requestCookie";
        if (a.Count < 2 || a.Count > (request ? 2 : 4) || a[0].Kind != ArgumentKind.String || a[0].Text.Length == 0 || a[1].Kind != ArgumentKind.String
            || (a.Count >= 3 && a[2].Kind != ArgumentKind.Number) || (a.Count == 4 && a[3].Kind != ArgumentKind.String))
        {
            return Expects(call, request ? "a cookie name and value" : "a cookie name and value, an optional Max-Age in seconds and optionally \"change-only\"");
        }

        filter = new CookieFilter(a[0].Text, a[1].Text, !request, call.Name != "jsCookie", a.Count >= 3 ? (int)a[2].Number : null, a.Count == 4 && a[3].Text == "change-only");
        return null;
    }

    private static bool Duration(EskipArgument argument, out TimeSpan window)
    {
        window = argument.Kind == ArgumentKind.Number ? TimeSpan.FromSeconds(argument.Number) : TimeSpan.Zero;
        return (argument.Kind == ArgumentKind.Number || GoDuration.TryParse(argument.Text, out window)) && window > TimeSpan.Zero;
    }
}
