using System.Net;
using AwsIntegrations.Router.Eskip;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Predicates;

/// <summary>
/// Turns eskip predicates into route conditions. Supported: Path, PathSubtree, PathRegexp, Host, HostAny, Method, Methods,
/// Header, HeaderRegexp, QueryParam, Cookie, Weight, True, False, Traffic, Source, SourceFromLast, ClientIP and Any (*).
/// Anything else is unknown, and the route is left out.
/// </summary>
public static class PredicateCompiler
{
    public const string UnknownPredicate = "UnknownPredicate";
    public const string InvalidPredicate = "InvalidPredicate";

    public static IReadOnlyList<string> Supported { get; } =
        ["Path", "PathSubtree", "PathRegexp", "Host", "HostAny", "Method", "Methods", "Header", "HeaderRegexp", "QueryParam", "Cookie",
         "Weight", "True", "False", "Traffic", "Source", "SourceFromLast", "ClientIP", "Any"];

    /// <summary>Compiles one predicate; on failure returns the Event reason and message.</summary>
    public static bool TryCompile(EskipCall call, RegexCache regexes, out CompiledPredicate? compiled, out RouteProblem? problem)
    {
        problem = null;
        compiled = null;
        var a = call.Arguments;
        var text = call.ToString();
        string? invalid = null;
        switch (call.Name)
        {
            case "Path" or "PathSubtree":
                if (!Strings(a, 1))
                {
                    invalid = Expects(call, "1 string argument");
                }
                else if (HasWildcard(a[0].Text))
                {
                    invalid = $"{call}: path wildcards (:name, *name) are not supported";
                }
                else
                {
                    compiled = new(text, null, 0, 0, call.Name == "Path" ? PathMatch.Exact : PathMatch.Prefix, a[0].Text);
                }

                break;
            case "PathRegexp":
                invalid = !Strings(a, 1) ? Expects(call, "1 regular expression") : PathRegexp(text, a[0].Text, regexes, out compiled);
                break;
            case "Host":
                invalid = !Strings(a, 1) ? Expects(call, "1 regular expression")
                    : WithRegex(regexes, a[0].Text, rx => new HostPredicate(rx, []), text, out compiled);
                break;
            case "HostAny":
                if (a.Count == 0 || !a.All(x => x.Kind == ArgumentKind.String))
                {
                    invalid = Expects(call, "one or more strings");
                }
                else
                {
                    compiled = Check(text, new HostPredicate(null, [.. a.Select(x => x.Text)]));
                }

                break;
            case "Method" or "Methods":
                if (call.Name == "Method" ? !Strings(a, 1) : a.Count == 0 || !a.All(x => x.Kind == ArgumentKind.String))
                {
                    invalid = Expects(call, call.Name == "Method" ? "1 string argument" : "one or more strings");
                }
                else
                {
                    compiled = Check(text, new MethodPredicate([.. a.Select(x => x.Text)], ignoreCase: call.Name == "Methods"));
                }

                break;
            case "Header":
                if (!Strings(a, 2))
                {
                    invalid = Expects(call, "2 string arguments");
                }
                else
                {
                    compiled = Check(text, new HeaderPredicate(a[0].Text, a[1].Text, null));
                }

                break;
            case "HeaderRegexp":
                invalid = !Strings(a, 2) ? Expects(call, "a header name and a regular expression")
                    : WithRegex(regexes, a[1].Text, rx => new HeaderPredicate(a[0].Text, null, rx), text, out compiled);
                break;
            case "QueryParam":
                if (a.Count == 1 && a[0].IsText)
                {
                    compiled = Check(text, new QueryParamPredicate(a[0].Text, null));
                }
                else
                {
                    invalid = !Strings(a, 2) ? Expects(call, "a name and an optional regular expression")
                        : WithRegex(regexes, a[1].Text, rx => new QueryParamPredicate(a[0].Text, rx), text, out compiled);
                }

                break;
            case "Cookie":
                invalid = !Strings(a, 2) ? Expects(call, "a cookie name and a regular expression")
                    : WithRegex(regexes, a[1].Text, rx => new CookiePredicate(a[0].Text, rx), text, out compiled);
                break;
            case "Weight":
                if (a.Count != 1 || a[0].Kind != ArgumentKind.Number)
                {
                    invalid = Expects(call, "1 number");
                }
                else
                {
                    compiled = new(text, null, (int)a[0].Number, 0);
                }

                break;
            case "True" or "False":
                if (a.Count != 0)
                {
                    invalid = Expects(call, "no arguments");
                }
                else
                {
                    compiled = Check(text, call.Name == "True" ? null : FalsePredicate.Instance);
                }

                break;
            case "Traffic":
                invalid = Traffic(call, text, out compiled);
                break;
            case "Source" or "SourceFromLast" or "ClientIP":
                invalid = Source(call, text, out compiled);
                break;
            case "Any":
                compiled = new(text, null, 0, 0);
                break;
            default:
                problem = new RouteProblem(UnknownPredicate, $"predicate \"{call.Name}\" not found");
                return false;
        }

        if (invalid is not null)
        {
            problem = new RouteProblem(InvalidPredicate, invalid);
            compiled = null;
            return false;
        }

        return true;
    }

    /// <summary>Compiles predicates that cannot fail (ones this code writes, such as Traffic and True for backend weights).</summary>
    public static CompiledPredicate Compile(EskipCall call, RegexCache regexes) =>
        TryCompile(call, regexes, out var compiled, out var problem) ? compiled! : throw new InvalidOperationException(problem!.Message);

    private static CompiledPredicate Check(string text, IRequestPredicate? check, int specificity = 0) => new(text, check, 1, specificity);

    private static bool Strings(IReadOnlyList<EskipArgument> a, int count) => a.Count == count && a.All(x => x.IsText);

    private static string Expects(EskipCall call, string what) => $"{call}: {call.Name} expects {what}";

    private static bool HasWildcard(string path) =>
        path.Split('/').Any(element => element.Length > 0 && (element[0] == ':' || element[0] == '*'));

    private static string? WithRegex(RegexCache regexes, string pattern, Func<System.Text.RegularExpressions.Regex, IRequestPredicate> create, string text, out CompiledPredicate? compiled)
    {
        compiled = null;
        if (!regexes.TryGet(pattern, out var regex, out var problem))
        {
            return problem;
        }

        compiled = Check(text, create(regex!));
        return null;
    }

    private static string? PathRegexp(string text, string pattern, RegexCache regexes, out CompiledPredicate? compiled)
    {
        if (PathRegexpPredicate.LiteralPrefix(pattern) is { } prefix)
        {
            compiled = Check(text, PathRegexpPredicate.Prefix(prefix), pattern.Length);
            return null;
        }

        var invalid = WithRegex(regexes, pattern, PathRegexpPredicate.Of, text, out compiled);
        compiled = compiled is null ? null : compiled with { Specificity = pattern.Length };
        return invalid;
    }

    private static string? Traffic(EskipCall call, string text, out CompiledPredicate? compiled)
    {
        compiled = null;
        var a = call.Arguments;
        if (!(a.Count is 1 or 3) || a[0].Kind != ArgumentKind.Number || a[0].Number is < 0 or > 1
            || (a.Count == 3 && (a[1].Kind != ArgumentKind.String || a[2].Kind != ArgumentKind.String)))
        {
            return Expects(call, "a chance between 0 and 1, optionally with a cookie name and a traffic group");
        }

        compiled = Check(text, new TrafficPredicate(a[0].Number, a.Count == 3 ? a[1].Text : null, a.Count == 3 ? a[2].Text : null));
        return null;
    }

    private static string? Source(EskipCall call, string text, out CompiledPredicate? compiled)
    {
        compiled = null;
        var networks = new List<IPNetwork>();
        foreach (var argument in call.Arguments)
        {
            var network = argument.Text;
            if (argument.Kind != ArgumentKind.String)
            {
                return Expects(call, "addresses or CIDR networks as strings");
            }

            if (IPNetwork.TryParse(network, out var parsed))
            {
                networks.Add(parsed);
            }
            else if (IPAddress.TryParse(network, out var single))
            {
                networks.Add(new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                return $"{call}: \"{network}\" is neither an address nor a CIDR network";
            }
        }

        if (networks.Count == 0)
        {
            return Expects(call, "one or more addresses or CIDR networks");
        }

        Func<Microsoft.AspNetCore.Http.HttpRequest, IPAddress?> clientAddress = call.Name switch
        {
            "Source" => ClientAddress.Source,
            "SourceFromLast" => ClientAddress.SourceFromLast,
            _ => ClientAddress.Peer,
        };
        compiled = Check(text, new SourcePredicate([.. networks], clientAddress));
        return null;
    }
}
