using AwsIntegrations.Hosting.Leadership;

namespace DnsController.Controller;

/// <summary>Counts leadership terms, so a replica that leads again re-reads the zones another leader may have changed.</summary>
public sealed class LeadershipEpochGate(ILeadershipGate inner) : ILeadershipGate
{
    private int _epoch;

    public int Epoch => Volatile.Read(ref _epoch);

    public bool IsLeader => inner.IsLeader;

    public async ValueTask<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        var token = await inner.WaitForLeadershipAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _epoch);
        return token;
    }
}
