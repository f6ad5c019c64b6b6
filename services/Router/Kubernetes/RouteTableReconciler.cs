using System.Diagnostics;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.Kubernetes.Events;
using AwsIntegrations.Kubernetes.Informers;
using k8s.Models;
using Microsoft.Extensions.Logging;
using AwsIntegrations.Router.Metrics;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Kubernetes;

/// <summary>
/// Builds the route table from the Ingresses, IngressClasses, Services and EndpointSlices the shared informers hold and swaps it in. The
/// controller's loop runs it as soon as one of them changes (changes arriving during a build are coalesced into the next
/// one). Problems become Warning Events, once each while they last.
/// </summary>
public sealed partial class RouteTableReconciler(
    SharedInformerFactory informers,
    RouteTableHolder tables,
    BuildSettings settings,
    RouterMetrics metrics,
    ProblemReporter problems,
    TimeProvider time,
    ILogger<RouteTableReconciler> logger) : IReconciler
{
    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        await informers.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var state = new ClusterState(
            informers.GetInformer<V1Ingress>().List(),
            informers.GetInformer<V1Service>().List(),
            informers.GetInformer<V1EndpointSlice>(labelSelector: EndpointResolver.ServiceNameLabel).List(),
            informers.GetInformer<V1IngressClass>().List());
        var result = RouteTableBuilder.Build(state, settings);
        tables.Swap(result.Table, time.GetUtcNow());
        settings.Endpoints.Retain(result.Addresses);
        settings.State.Sweep();
        metrics.Built(clock.Elapsed.TotalSeconds);
        LogBuilt(logger, result.Table.RouteCount, clock.Elapsed.TotalMilliseconds);
        Report(result.Problems);
        return ReconcileResult.Success();
    }

    private void Report(IReadOnlyList<BuildProblem> found)
    {
        foreach (var problem in found)
        {
            problems.Report($"Ingress {problem.Ingress.Metadata.NamespaceProperty}/{problem.Ingress.Metadata.Name}", problem.Ingress, new Problem(problem.Reason, problem.Message));
        }

        problems.EndPass();
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Route table rebuilt: {Routes} routes in {Milliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, int routes, double milliseconds);

}
