using AwsIntegrations.Router.Eskip;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Parsed skipper-predicate, -filter and -routes texts kept across builds: an Ingress's annotations rarely change between two
/// builds, and many Ingresses share the same text. The parsed values are immutable, so every build may use them.
/// </summary>
public sealed class AnnotationCache
{
    private readonly BuildCache<ParseOutcome<IReadOnlyList<EskipCall>>> _predicates = new();
    private readonly BuildCache<ParseOutcome<IReadOnlyList<EskipCall>>> _filters = new();
    private readonly BuildCache<ParseOutcome<IReadOnlyList<EskipRoute>>> _routes = new();

    public ParseOutcome<IReadOnlyList<EskipCall>> Predicates(string text) => _predicates.GetOrAdd(text, t => Parse(() => EskipParser.ParsePredicates(t)));

    public ParseOutcome<IReadOnlyList<EskipCall>> Filters(string text) => _filters.GetOrAdd(text, t => Parse(() => EskipParser.ParseFilters(t)));

    public ParseOutcome<IReadOnlyList<EskipRoute>> Routes(string text) => _routes.GetOrAdd(text, t => Parse(() => EskipParser.ParseRoutes(t)));

    public void Sweep()
    {
        _predicates.Sweep();
        _filters.Sweep();
        _routes.Sweep();
    }

    private static ParseOutcome<T> Parse<T>(Func<T> parse)
        where T : class
    {
        try
        {
            return new ParseOutcome<T>(parse(), null);
        }
        catch (EskipSyntaxException e)
        {
            return new ParseOutcome<T>(null, e.Message);
        }
    }
}
