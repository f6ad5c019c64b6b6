using AwsIntegrations.Router.Filters;
using AwsIntegrations.Router.Predicates;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// The predicates and filters of an annotation (skipper-predicate and skipper-filter, or one skipper-routes route), compiled
/// once and shared by every route they apply to; <see cref="Problem"/> (from the annotation <see cref="Source"/>) when one of them is unknown or invalid.
/// </summary>
public sealed record CompiledRoute(CompiledPredicate[] Predicates, RouteFilter[]? Filters, string FilterText, RouteProblem? Problem, string Source)
{
    public static CompiledRoute None { get; } = new([], null, "", null, "");
}
