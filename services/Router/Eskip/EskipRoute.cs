namespace AwsIntegrations.Router.Eskip;

/// <summary>One eskip route: <c>id: predicates -> filters -> backend</c> (the id may be empty for a single route).</summary>
public sealed record EskipRoute(string Id, IReadOnlyList<EskipCall> Predicates, IReadOnlyList<EskipCall> Filters, EskipBackend Backend)
{
    public override string ToString()
    {
        var predicates = Predicates.Count == 0 ? "*" : string.Join(" && ", Predicates);
        var filters = string.Concat(Filters.Select(f => " -> " + f));
        return (Id.Length > 0 ? Id + ": " : "") + predicates + filters + " -> " + Backend;
    }
}
