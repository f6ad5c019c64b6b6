namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>How informers list and watch; defaults follow client-go's reflector.</summary>
public sealed record InformerOptions
{
    /// <summary>Objects per list page (the initial list and every relist are paged).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Each watch asks the server to end it after a random time between this and twice this.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>First pause after a failed list or a broken watch; doubles up to <see cref="MaxBackoff"/>, with full jitter on top.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When set, every cached object is re-announced as an update (old == new) this often, so handlers that missed
    /// work (a failed reconcile) get another chance. Off by default: the suite's reconcile loops resync on their own.
    /// </summary>
    public TimeSpan? ResyncPeriod { get; init; }
}
