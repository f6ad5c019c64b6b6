using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Controllers;
using AwsIntegrations.JobCleaner.Metrics;
using AwsIntegrations.JobCleaner.Planning;
using AwsIntegrations.JobCleaner.Policy;
using System.Net;
using AwsIntegrations.Kubernetes.Api;
using AwsIntegrations.Kubernetes.Client;
using AwsIntegrations.Kubernetes.Events;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.JobCleaner.Cleaning;

/// <summary>
/// One cleaning pass: observe (namespaces, then Jobs and pods page by page), plan each object with the pure planners, apply
/// the deletions at once. Nothing but counts, the annotated namespaces and (with a pod sweep) the Jobs' uids is kept between
/// pages, so memory does not grow with the number of Jobs.
/// </summary>
public sealed partial class CleanupPass : IReconciler
{
    private const int MaxRelists = 3;

    private readonly KubernetesConnection _connection;
    private readonly IKubernetes _client;
    private readonly EventRecorder? _events;
    private readonly CleanerSettings _settings;
    private readonly JobCleanerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ProblemReporter _problems;
    private bool _namespacesForbiddenLogged;

    public CleanupPass(KubernetesConnection connection, EventRecorder? events, CleanerSettings settings, JobCleanerMetrics metrics, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _client = connection.Client;
        _events = events;
        _problems = new ProblemReporter(events);
        _settings = settings;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>The pass as the <see cref="ReconcileLoop"/> runs it: failures to list or delete make it retry with backoff.</summary>
    public async Task<ReconcileResult> ReconcileAsync(CancellationToken cancellationToken)
    {
        var report = await RunAsync(cancellationToken).ConfigureAwait(false);
        return report.Succeeded ? ReconcileResult.Success() : ReconcileResult.Failure(report.FirstError ?? "pass failed");
    }

    public async Task<PassReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var report = new PassReport();
        try
        {
            var namespaces = await ReadNamespacesAsync(cancellationToken).ConfigureAwait(false);
            var jobUids = _settings.SweepsPods ? new UidSet() : null;
            await CleanJobsAsync(namespaces, jobUids, report, cancellationToken).ConfigureAwait(false);
            if (jobUids is not null)
            {
                await CleanFinishedPodsAsync(namespaces, jobUids, report, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            report.Error(e.Message);
        }
        finally
        {
            // Problems this pass did not find (it may have ended early) are over; they are said again when they come back.
            _problems.EndPass();
        }

        var elapsed = _time.GetElapsedTime(started);
        _metrics.PassEnded(report, elapsed, _time.GetUtcNow());
        Log.PassEnded(_logger, _settings.DryRun ? "Dry-run pass" : "Pass", elapsed.TotalSeconds, report.ToString());
        return report;
    }

    private async Task<Dictionary<string, AnnotationResult>> ReadNamespacesAsync(CancellationToken cancellationToken)
    {
        var annotated = new Dictionary<string, AnnotationResult>(StringComparer.Ordinal);
        try
        {
            var namespaces = _settings.Scope.AllNamespaces
                ? _connection.ListAllAsync<V1Namespace>(pageSize: _settings.PageSize, cancellationToken: cancellationToken)
                : FindAllAsync(_settings.Scope.Included, cancellationToken);
            await foreach (var ns in namespaces.ConfigureAwait(false))
            {
                var annotations = ns.Metadata.Annotations;
                if (annotations is null || !CleanupAnnotations.All.Any(annotations.ContainsKey) || ns.Metadata.Name is not { } name)
                {
                    continue;
                }

                var result = AnnotationReader.Read(annotations, readLegacyTimeout: false);
                annotated[name] = result;
                if (result.Error is { } error)
                {
                    ReportInvalid(ns, error);
                }
            }
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Forbidden)
        {
            // A Role in one namespace cannot read Namespaces; Jobs are still cleaned, by the flags and their own annotations.
            if (!_namespacesForbiddenLogged)
            {
                Log.NamespacesForbidden(_logger, e.Message);
                _namespacesForbiddenLogged = true;
            }
        }

        return annotated;
    }

    private async IAsyncEnumerable<V1Namespace> FindAllAsync(IEnumerable<string> names, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            if (await _client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken).NullIfNotFound().ConfigureAwait(false) is { } ns)
            {
                yield return ns;
            }
        }
    }

    private Task CleanJobsAsync(Dictionary<string, AnnotationResult> namespaces, UidSet? jobUids, PassReport report, CancellationToken cancellationToken) =>
        ForEachAsync<V1Job>(
            new ListOptions { LabelSelector = _settings.LabelSelector },
            job => CleanJobAsync(job, namespaces, jobUids, report, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Every object of the scope, page by page, each handled before the next page is read. An expired continue token (a long
    /// pass on a big cluster) restarts the list: what was deleted is gone from it, the rest is decided again.
    /// </summary>
    private async Task ForEachAsync<T>(ListOptions list, Func<T, Task> handle, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        foreach (var scope in ListScopes())
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await foreach (var item in _connection.ListAllAsync<T>(scope, list, _settings.PageSize, cancellationToken).ConfigureAwait(false))
                    {
                        await handle(item).ConfigureAwait(false);
                    }

                    break;
                }
                catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Gone && attempt < MaxRelists)
                {
                    Log.Relisting(_logger, ResourceType<T>.Kind, scope ?? "all namespaces");
                }
            }
        }
    }

    private async Task CleanJobAsync(V1Job job, Dictionary<string, AnnotationResult> namespaces, UidSet? jobUids, PassReport report, CancellationToken cancellationToken)
    {
        if (!_settings.Scope.Contains(job.Metadata.NamespaceProperty))
        {
            return;
        }

        report.JobsSeen++;
        jobUids?.Add(job.Metadata.Uid);
        var own = AnnotationReader.Read(job.Metadata.Annotations, readLegacyTimeout: true);
        var resolved = ResolvedPolicy.Resolve(_settings.Defaults, namespaces.GetValueOrDefault(job.Metadata.NamespaceProperty!), own);
        var decision = JobPlanner.Decide(job, resolved, _settings.IncludeCronJobJobs, _time.GetUtcNow());
        if (decision.Skip is { } skip)
        {
            report.Skip(skip);
            if (skip == SkipReason.InvalidAnnotation && own.Error is { } error)
            {
                ReportInvalid(job, error);
            }

            return;
        }

        await DeleteAsync(job, decision, report, cancellationToken).ConfigureAwait(false);
    }

    private Task CleanFinishedPodsAsync(Dictionary<string, AnnotationResult> namespaces, UidSet jobUids, PassReport report, CancellationToken cancellationToken) =>
        ForEachAsync<V1Pod>(
            new ListOptions { LabelSelector = _settings.LabelSelector, FieldSelector = "status.phase!=Running,status.phase!=Pending" },
            pod => CleanPodAsync(pod, namespaces, jobUids, report, cancellationToken),
            cancellationToken);

    private async Task CleanPodAsync(V1Pod pod, Dictionary<string, AnnotationResult> namespaces, UidSet jobUids, PassReport report, CancellationToken cancellationToken)
    {
        if (!_settings.Scope.Contains(pod.Metadata.NamespaceProperty))
        {
            return;
        }

        report.PodsSeen++;
        var own = AnnotationReader.Read(pod.Metadata.Annotations, readLegacyTimeout: false);
        var resolved = ResolvedPolicy.Resolve(_settings.Defaults, namespaces.GetValueOrDefault(pod.Metadata.NamespaceProperty!), own);
        var decision = FinishedPodPlanner.Decide(pod, jobUids.Contains, resolved, _settings.DeleteFinishedPods, _time.GetUtcNow());
        if (decision is null)
        {
            return;
        }

        if (decision.Skip == SkipReason.InvalidAnnotation && own.Error is { } error)
        {
            ReportInvalid(pod, error);
        }

        // The Job list may predate the pod's Job (or the Job did not match --label-selector): ask before deleting.
        if (decision.Deletes && PodTimes.JobUid(pod) is not null && await JobStillExistsAsync(pod, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (decision.Deletes)
        {
            await DeleteAsync(pod, decision, report, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> JobStillExistsAsync(V1Pod pod, CancellationToken cancellationToken) =>
        PodTimes.JobName(pod) is { } name
        && await _client.BatchV1.ReadNamespacedJobAsync(name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken).NullIfNotFound().ConfigureAwait(false) is { } job
        && job.Metadata.Uid == PodTimes.JobUid(pod);

    private async Task DeleteAsync<T>(T obj, Decision decision, PassReport report, CancellationToken cancellationToken)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var kind = ResourceType<T>.Kind;
        var (ns, name) = (obj.Metadata.NamespaceProperty, obj.Metadata.Name!);
        var reason = decision.Delete!.Value;
        if (_settings.DryRun)
        {
            Log.WouldDelete(_logger, kind, ns, name, JobCleanerMetrics.Label(reason), decision.Detail);
            report.Delete(kind, reason);
            _metrics.Deleted(kind, reason, dryRun: true);
            return;
        }

        try
        {
            var options = new V1DeleteOptions { PropagationPolicy = decision.Propagation.ToString(), Preconditions = new V1Preconditions { Uid = obj.Metadata.Uid } };
            await (obj switch
            {
                V1Job => _client.BatchV1.DeleteNamespacedJobAsync(name, ns, options, cancellationToken: cancellationToken),
                V1Pod => (Task)_client.CoreV1.DeleteNamespacedPodAsync(name, ns, options, cancellationToken: cancellationToken),
                _ => throw new NotSupportedException($"deleting a {kind}"),
            }).ConfigureAwait(false);
            Log.Deleted(_logger, kind, ns, name, JobCleanerMetrics.Label(reason), decision.Detail, decision.Propagation.ToString());
            report.Delete(kind, reason);
            _metrics.Deleted(kind, reason, dryRun: false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Gone already (its Job's garbage collection, or another hand): nothing to do.
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            Log.Recreated(_logger, kind, ns, name, obj.Metadata.Uid);
            report.Skip(SkipReason.Recreated);
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            Log.DeleteFailed(_logger, kind, ns, name, e.Message);
            report.Error($"delete {kind} {ns}/{name}: {e.Message}");
            _metrics.DeleteFailed(kind);
        }
    }

    /// <summary>One Warning Event and one log line per object and message; repeated passes stay quiet until it changes.</summary>
    private void ReportInvalid(IKubernetesObject<V1ObjectMeta> obj, string error)
    {
        var kind = ApiVersionAndKind.Of(obj).Kind;
        var key = obj.Metadata.Uid ?? $"{kind}/{obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}";
        var action = kind == "Namespace" ? "its Jobs are kept" : $"the {kind} is kept";
        if (_problems.Report(key, obj, new Problem("InvalidCleanupAnnotation", $"{error}; {action} until it is fixed"), log: false))
        {
            Log.InvalidAnnotation(_logger, kind ?? "object", obj.Metadata.NamespaceProperty, obj.Metadata.Name, error);
        }
    }

    /// <summary>null: one list over all namespaces; else one list per included namespace (a Role per namespace suffices).</summary>
    private IEnumerable<string?> ListScopes() =>
        _settings.Scope.AllNamespaces ? new string?[] { null } : _settings.Scope.Included.Where(_settings.Scope.Contains).Select(ns => (string?)ns);
}
