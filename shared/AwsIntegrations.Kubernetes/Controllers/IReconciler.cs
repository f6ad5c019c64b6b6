using AwsIntegrations.Hosting.Loops;

namespace AwsIntegrations.Kubernetes.Controllers;

/// <summary>
/// One pass of a controller: read what it watches, decide, write, report. The loop runs it on a change, on a resync and
/// after a failure (with backoff); <c>--once</c> runs it once.
/// </summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken);
}
