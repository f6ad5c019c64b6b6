namespace AwsIntegrations.Benchmarks.Router.Rollout;

/// <summary>One pod of the rolled-out Deployment: where it listens, how many requests it answered, and what it does on SIGTERM.</summary>
public interface IPod : IAsyncDisposable
{
    string Ip { get; }

    Task<long> RequestsAsync();

    /// <summary>The kubelet's SIGTERM; returns when the pod no longer listens.</summary>
    Task ExitAsync();
}
