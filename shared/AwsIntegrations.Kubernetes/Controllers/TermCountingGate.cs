using AwsIntegrations.Hosting.Leadership;

namespace AwsIntegrations.Kubernetes.Controllers;

/// <summary>The loop's gate: the election's (or always leading), counting each term in <see cref="LeadershipTerm"/>.</summary>
internal sealed class TermCountingGate(ILeadershipGate inner, LeadershipTerm term) : ILeadershipGate
{
    public bool IsLeader => inner.IsLeader;

    public async ValueTask<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        var token = await inner.WaitForLeadershipAsync(cancellationToken).ConfigureAwait(false);
        term.Begin();
        return token;
    }
}
