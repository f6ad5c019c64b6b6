namespace AwsIntegrations.Router.Routing;

/// <summary>
/// One backend's part of a split path, as skipper expresses it: a Traffic(chance) predicate relative to the backends after
/// it, and True() predicates so that the routes are tried in order. A chance of 0 means the backend gets no route; 1 means
/// the route has no Traffic predicate (it takes what the others leave).
/// </summary>
public readonly record struct TrafficShare(double Chance, int TrueCount)
{
    public static TrafficShare All => new(1, 0);

    public bool Allowed => Chance > 0;
}
