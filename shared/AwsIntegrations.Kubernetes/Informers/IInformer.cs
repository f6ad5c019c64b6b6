namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>What the host needs of every informer, whatever its kind: readiness (HasSynced) and shutdown.</summary>
internal interface IInformer : IAsyncDisposable
{
    string Description { get; }

    bool HasSynced { get; }

    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
