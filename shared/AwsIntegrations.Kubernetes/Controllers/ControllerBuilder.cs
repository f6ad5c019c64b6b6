using AwsIntegrations.Hosting.Loops;
using AwsIntegrations.Kubernetes.Informers;
using AwsIntegrations.Kubernetes.Leadership;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Controllers;

/// <summary>
/// What a controller declares (controller-runtime's builder in spirit): the kinds it watches, with the changes that
/// matter, its loop's timing, its leader election and whether it runs once. <see cref="ControllerHostExtensions.AddController{TOptions, TReconciler}"/>
/// turns the declaration into informers, handlers, the loop, the Lease and the readiness check.
/// </summary>
public sealed class ControllerBuilder
{
    private readonly List<WatchedKind> _watches = [];

    internal ControllerBuilder(string name) => LoopName = name;

    internal IReadOnlyList<WatchedKind> Watches => _watches;

    internal string LoopName { get; private set; }

    internal ReconcileLoopOptions Loop { get; } = new() { RequiresLeadership = true };

    internal LeaderElectionFlags? LeaderElection { get; private set; }

    internal Func<IServiceProvider, CancellationToken, Task<bool>>? Once { get; private set; }

    /// <summary>
    /// Runs a pass when an object of kind <typeparamref name="T"/> (in <paramref name="ns"/>, matching the selectors) is added,
    /// updated or deleted and <paramref name="predicate"/> holds for it (the new object on an update); deletes only with
    /// <paramref name="deletes"/>. The reconciler reads the same shared informer (ask the factory with the same arguments).
    /// </summary>
    public ControllerBuilder Watch<T>(string? ns = null, string? labelSelector = null, string? fieldSelector = null, Func<T, bool>? predicate = null, bool deletes = true)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        _watches.Add(new WatchedKind(informers => informers.GetInformer<T>(ns, labelSelector, fieldSelector), (informer, changed) =>
        {
            var matches = predicate ?? (_ => true);
            return ((Informer<T>)informer).AddHandler(new InformerHandler<T>(
                added => { if (matches(added)) { changed(); } },
                (_, updated) => { if (matches(updated)) { changed(); } },
                deletes ? deleted => { if (matches(deleted)) { changed(); } } : null));
        }));
        return this;
    }

    /// <summary>The loop's timing: debounce, resync, backoff (see <see cref="ReconcileLoopOptions"/>); it runs while this replica leads.</summary>
    public ControllerBuilder WithLoop(TimeSpan debounce, TimeSpan resyncInterval, TimeSpan? maxBackoff = null)
    {
        Loop.Debounce = debounce;
        Loop.ResyncInterval = resyncInterval;
        if (maxBackoff is { } max)
        {
            Loop.MaxBackoff = max;
        }

        return this;
    }

    /// <summary>The label value of the loop's metrics (reconcile_runs_total{loop}); the controller's name unless set.</summary>
    public ControllerBuilder WithLoopName(string name)
    {
        LoopName = name;
        return this;
    }

    /// <summary>Only the holder of the Lease named after the controller runs the loop (unless --leader-elect=false).</summary>
    public ControllerBuilder WithLeaderElection(LeaderElectionFlags flags)
    {
        LeaderElection = flags;
        return this;
    }

    /// <summary>With <paramref name="once"/>: one pass, no Lease, and the process exits 0 when it succeeded, 1 otherwise.</summary>
    public ControllerBuilder RunOnce(bool once) => once ? RunOnceWhen((_, _) => Task.FromResult(true)) : this;

    /// <summary>Decides at start whether to run one pass and exit (e.g. from the pod the process runs in).</summary>
    public ControllerBuilder RunOnceWhen(Func<IServiceProvider, CancellationToken, Task<bool>> decide)
    {
        Once = decide;
        return this;
    }

    internal sealed record WatchedKind(Func<SharedInformerFactory, IInformer> Informer, Func<IInformer, Action, IDisposable> Subscribe);
}
