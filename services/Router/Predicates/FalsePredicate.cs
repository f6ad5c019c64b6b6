using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>False(): never matches (used to switch a route off).</summary>
public sealed class FalsePredicate : IRequestPredicate
{
    public static FalsePredicate Instance { get; } = new();

    public bool Matches(HttpRequest request) => false;
}
