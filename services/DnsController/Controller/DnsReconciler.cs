using AwsIntegrations.Aws;
using AwsIntegrations.DnsController.Apply;
using AwsIntegrations.DnsController.Inventory;
using AwsIntegrations.DnsController.Options;
using AwsIntegrations.DnsController.Planning;
using AwsIntegrations.DnsController.Sources;
using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Controllers;

namespace AwsIntegrations.DnsController.Controller;

/// <summary>
/// One pass, as external-dns's controller RunOnce (controller/controller.go): read (the objects from informers; the zones
/// and load balancers from the inventory, which reads Route 53 only when its view is due) → desired state (pure) → plan
/// (pure, per zone) → apply (batched, bisected on a refused batch) → report (Events, metrics). With nothing changed a pass
/// makes no Route 53 call. Not thread-safe: the reconcile loop runs one pass at a time.
/// </summary>
public sealed class DnsReconciler(
    ISourceProvider sources, InventoryReader reader, ZoneInventory zones, BuiltSources built, Applier applier, PassReporter reporter,
    PlanSettings settings, DnsControllerOptions options, TimeProvider time) : IReconciler
{
    private DateTimeOffset? _lastFullPlan;
    private int _managed;

    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await PassAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException failed)
        {
            // Reading failed: the view may be half-read, so the next pass reads everything again.
            zones.Invalidate();
            reporter.PassFailed(failed.Message);
            return ReconcileResult.Failure(failed.Message);
        }
    }

    private async Task<ReconcileResult> PassAsync(CancellationToken cancellationToken)
    {
        var objects = await sources.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var read = await ReadInventoryAsync(objects, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var changedNames = built.Rebuild(objects);

        // A full plan after every zone read and once per --interval; in between, only the names of objects that changed.
        var full = read != InventoryRead.None || _lastFullPlan is not { } last || now - last >= options.Interval;
        if (!full && changedNames.Count == 0)
        {
            return ReconcileResult.Success();
        }

        var names = full ? null : changedNames;
        var desired = DesiredState.Route(built.Values, zones.Zones, settings.Scope, names);
        var plan = PassPlan.For(desired, zones.Zones, zones.UnreadableZones, RecordsOf(names), settings);
        var outcomes = await applier.ApplyAsync(plan, cancellationToken).ConfigureAwait(false);
        reporter.Report(objects, plan, outcomes);
        return Finish(full, now, outcomes.Select(o => o.Outcome.Error).FirstOrDefault(e => e is not null));
    }

    private async Task<InventoryRead> ReadInventoryAsync(IReadOnlyList<SourceObject> objects, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(objects, time.GetUtcNow(), _lastFullPlan, cancellationToken).ConfigureAwait(false);
        if (read == InventoryRead.Full)
        {
            // What Route 53 refused and what was reported are tried and said again after every full read.
            applier.ForgetRefusals();
            reporter.Forget();
        }

        return read;
    }

    /// <summary>A zone's records: all of them for a full plan, else those at the changed names and their ownership names.</summary>
    private Func<string, IReadOnlyList<Route53RecordSet>> RecordsOf(HashSet<string>? names)
    {
        if (names is null)
        {
            return zones.Records;
        }

        var lookup = settings.Mapper.WithOwnershipNames(names);
        return zoneId => zones.Records(zoneId, lookup);
    }

    private ReconcileResult Finish(bool full, DateTimeOffset now, string? error)
    {
        if (error is not null)
        {
            return ReconcileResult.Failure(error);
        }

        if (full)
        {
            _lastFullPlan = now;
            _managed = zones.Zones.Sum(z => Planner.CountOurs(zones.Records(z.Id), settings));
        }

        reporter.Synced(built.RecordCount, _managed, time.GetUtcNow());
        return ReconcileResult.Success();
    }
}
