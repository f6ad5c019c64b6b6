namespace AwsIntegrations.Hosting.Loops;

internal sealed class ReconcileLoopOptions
{
    /// <summary>A change notification runs the reconcile this long after the first one; changes meanwhile coalesce into it.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A full pass runs at least this often even when nothing was notified.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run only while this replica holds leadership (controllers that write to AWS or the API).</summary>
    public bool RequiresLeadership { get; set; }
}
