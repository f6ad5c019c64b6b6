namespace AwsIntegrations.Hosting.Leadership;

/// <summary>
/// Tells controllers whether this replica may write. Services that need no election use
/// <see cref="AlwaysLeader"/>; the Lease-based elector in AwsIntegrations.Kubernetes implements it too.
/// </summary>
internal interface ILeadershipGate
{
    bool IsLeader { get; }

    /// <summary>
    /// Completes once this replica leads. The returned token is cancelled the moment leadership is lost,
    /// so work started under it stops writing.
    /// </summary>
    ValueTask<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken);
}
