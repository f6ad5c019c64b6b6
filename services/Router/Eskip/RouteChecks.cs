namespace AwsIntegrations.Router.Eskip;

/// <summary>
/// The checks eskip.Parse makes on each route (eskip/eskip.go applyPredicates): Path, Host, PathRegexp and Method take one
/// string, Header and HeaderRegexp two; Path, Method and each Header name appear at most once.
/// </summary>
public static class RouteChecks
{
    public static void Check(EskipRoute route)
    {
        var path = false;
        var method = false;
        var headers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var predicate in route.Predicates)
        {
            switch (predicate.Name)
            {
                case "Path":
                    StringArguments(route, predicate, 1);
                    path = Once(route, path, "duplicate path tree predicate");
                    break;
                case "Method":
                    StringArguments(route, predicate, 1);
                    method = Once(route, method, "duplicate method predicate");
                    break;
                case "Host" or "PathRegexp":
                    StringArguments(route, predicate, 1);
                    break;
                case "HeaderRegexp":
                    StringArguments(route, predicate, 2);
                    break;
                case "Header":
                    StringArguments(route, predicate, 2);
                    if (!headers.Add(predicate.Arguments[0].Text))
                    {
                        throw Invalid(route, "duplicate header predicate: " + predicate.Arguments[0].Text);
                    }

                    break;
            }
        }
    }

    private static bool Once(EskipRoute route, bool seen, string problem) => seen ? throw Invalid(route, problem) : true;

    private static void StringArguments(EskipRoute route, EskipCall predicate, int count)
    {
        if (predicate.Arguments.Count != count || predicate.Arguments.Any(a => !a.IsText))
        {
            throw Invalid(route, count == 1
                ? $"{predicate.Name} predicate expects 1 string argument"
                : $"{predicate.Name} predicate expects {count} string arguments");
        }
    }

    private static EskipSyntaxException Invalid(EskipRoute route, string problem) => new($"invalid route \"{route.Id}\": {problem}");
}
