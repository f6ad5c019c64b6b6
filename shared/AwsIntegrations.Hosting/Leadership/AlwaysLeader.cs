namespace AwsIntegrations.Hosting.Leadership;

/// <summary>The gate for per-node and per-pod services (Kube2Iam, Router): every replica leads.</summary>
internal sealed class AlwaysLeader : ILeadershipGate
{
    public static AlwaysLeader Instance { get; } = new();

    public bool IsLeader => true;

    public ValueTask<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(CancellationToken.None);
}
