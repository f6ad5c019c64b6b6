using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Router.Predicates;

/// <summary>A condition a request must meet for a route to take it (the predicates other than Path and PathSubtree).</summary>
public interface IRequestPredicate
{
    bool Matches(HttpRequest request);
}
