namespace AwsIntegrations.Kubernetes.Controllers;

/// <summary>
/// Counts the terms in which this replica led its controller's loop, so a reconciler that keeps state between passes can
/// read everything again when it leads anew (another leader may have changed what it remembers).
/// </summary>
public sealed class LeadershipTerm
{
    private int _current;

    public int Current => Volatile.Read(ref _current);

    internal void Begin() => Interlocked.Increment(ref _current);
}
