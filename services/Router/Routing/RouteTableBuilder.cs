using k8s;
using k8s.Models;
using Router.Predicates;

namespace Router.Routing;

/// <summary>
/// Builds the route table from the cluster state, off the request path. Ingresses are taken oldest first, so when two claim the
/// same host and path with the same predicates (or both set a defaultBackend) the oldest wins and the other gets a RouteConflict problem.
/// </summary>
public static class RouteTableBuilder
{
    public const string ClassAnnotation = "kubernetes.io/ingress.class";

    public static BuildResult Build(ClusterState state, BuildSettings settings)
    {
        var problems = new List<BuildProblem>();
        var catalog = new BackendCatalog(state, settings, problems);
        var draft = new RouteTableDraft();
        var conditions = new ConditionsBuilder();
        foreach (var ingress in state.Ingresses.Where(i => IsOurs(i, settings.IngressClass)).OrderBy(i => i, IngressAge.Comparer))
        {
            new IngressConverter(ingress, settings, catalog, draft, conditions, problems).Convert();
        }

        return new BuildResult(draft.Build(), problems, catalog.Addresses);
    }

    public static bool IsOurs(V1Ingress ingress, string ingressClass) =>
        (ingress.Spec?.IngressClassName ?? ingress.GetAnnotation(ClassAnnotation)) == ingressClass;
}
