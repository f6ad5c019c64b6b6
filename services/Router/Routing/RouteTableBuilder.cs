using AwsIntegrations.Kubernetes.Ingresses;
using AwsIntegrations.Router.Predicates;

namespace AwsIntegrations.Router.Routing;

/// <summary>
/// Builds the route table from the cluster state, off the request path. Ingresses are taken oldest first, so when two claim the
/// same host and path with the same predicates (or both set a defaultBackend) the oldest wins and the other gets a RouteConflict problem.
/// </summary>
public static class RouteTableBuilder
{
    public static BuildResult Build(ClusterState state, BuildSettings settings)
    {
        var problems = new List<BuildProblem>();
        var catalog = new BackendCatalog(state, settings, problems);
        var draft = new RouteTableDraft();
        var conditions = new ConditionsBuilder();
        var classes = state.IngressClasses ?? [];
        foreach (var ingress in state.Ingresses.Where(i => IngressClassDecision.IsOurs(i, settings.IngressClass, classes)).OrderBy(i => i, IngressAge.Comparer))
        {
            new IngressConverter(ingress, settings, catalog, draft, conditions, problems).Convert();
        }

        return new BuildResult(draft.Build(), problems, catalog.Addresses);
    }
}
