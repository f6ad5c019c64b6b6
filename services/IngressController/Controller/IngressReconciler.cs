using AwsIntegrations.Aws;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.IngressController.Apply;
using AwsIntegrations.IngressController.Inventory;
using AwsIntegrations.IngressController.Planning;
using AwsIntegrations.Kubernetes.Controllers;

namespace AwsIntegrations.IngressController.Controller;

/// <summary>
/// One pass, as external-dns's RunOnce: read (informer caches; AWS only on resync, after a failed write, or while load
/// balancers provision) → build the desired state (pure) → plan (pure) → apply (ELBv2 and WAFv2 writes) → report (Ingress
/// status, Events, gauges). A pass with nothing to change makes no AWS call. What one Ingress asks for never stops the
/// others: bad values are problems of that Ingress, and a write AWS refuses stops only the load balancer it was for, which
/// is not tried again with the same wants before the next resync.
/// </summary>
public sealed class IngressReconciler(
    ClusterView cluster, AwsView aws, DesiredStateBuilder desiredState, PassPlanner planner, Applier applier, RefusalMemory refusals, PassReporter reporter)
    : IReconciler
{
    /// <summary>How soon a pass runs again after AWS refused a certificate, so the load balancer is finished without it.</summary>
    private static readonly TimeSpan AfterRefusedCertificate = TimeSpan.FromSeconds(1);

    private IReadOnlyDictionary<string, string> _assignments = new Dictionary<string, string>();

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        await cluster.WaitForSyncAsync(cancellationToken).ConfigureAwait(false); // never plan (and so never clean up) from a partial view
        AwsSnapshot current;
        try
        {
            current = await aws.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsServiceException or AwsProtocolException or HttpRequestException or TimeoutException)
        {
            aws.Forget();
            return ReconcileResult.Failure($"reading AWS: {e.Message}");
        }

        if (current.FullRead)
        {
            refusals.Clear(); // what AWS refused is tried once more after each full read
        }

        var ingresses = cluster.ReadIngresses();
        var targets = cluster.Targets();
        var desired = desiredState.Build(Inputs(ingresses, current));
        var plan = planner.Plan(desired, current.Inventory, targets, refusals.HoldBack(desired, targets), current.At);
        ApplyOutcome outcome;
        try
        {
            outcome = await applier.ApplyAsync(plan.Changes, current.Inventory, current.Network.VpcId, cancellationToken).ConfigureAwait(false);
        }
        catch (ApplyException e)
        {
            aws.Forget(); // what landed is unknown after a failed write: read everything again on the next pass
            return ReconcileResult.Failure($"applying the plan: {e.Message}");
        }

        Remember(outcome, desired, plan, targets);
        var statusDue = await reporter.ReportAsync(ingresses, desired, current, cancellationToken).ConfigureAwait(false);
        return outcome.WebAclFailure is { } failure ? ReconcileResult.Failure($"WAF: {failure}") : Requeue(plan, statusDue, outcome, current.At);
    }

    private DesiredStateInputs Inputs(IngressSnapshot ingresses, AwsSnapshot current) =>
        new(ingresses.Ours, current.Inventory, current.Network, current.Certificates, current.At)
        {
            RefusedCertificates = refusals.Certificates,
            PreviousAssignments = _assignments,
        };

    /// <summary>What the next passes need from this one: refusals, the cleanup bookkeeping, where each Ingress was placed.</summary>
    private void Remember(ApplyOutcome outcome, DesiredState desired, Plan plan, IReadOnlySet<string> targets)
    {
        if (refusals.Remember(outcome, desired, targets))
        {
            aws.ForgetCertificates(); // an ACM certificate ELBv2 does not know: the list is out of date
        }

        if (outcome.WebAclFailure is not null)
        {
            aws.Forget(); // what landed is unknown: read everything again
        }

        planner.Applied(plan);
        _assignments = desired.Assignments;
    }

    /// <summary>
    /// The next pass: when the next cleanup or status is due, soon after a refused certificate (the load balancer is then
    /// finished without it), and at the latest when the certificate list is due again.
    /// </summary>
    private ReconcileResult Requeue(Plan plan, TimeSpan? statusDue, ApplyOutcome outcome, DateTimeOffset now)
    {
        TimeSpan? requeue = plan.NextCleanupAt is { } at ? at - now : null;
        if (statusDue is { } due && (requeue is null || requeue > due))
        {
            requeue = due;
        }

        if (outcome.RefusedCertificates.Count > 0)
        {
            requeue = AfterRefusedCertificate;
        }

        var latest = aws.CertificatePolling;
        return ReconcileResult.Success(requeue is null || requeue > latest ? latest : requeue < TimeSpan.Zero ? TimeSpan.Zero : requeue);
    }
}
