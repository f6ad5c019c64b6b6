namespace AwsIntegrations.Kubernetes.Config;

/// <summary>Gives the bearer token for the next request (service-account tokens rotate, so it may change).</summary>
public interface ITokenSource
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Called after a 401: the next call must not answer from a cache.</summary>
    void Invalidate();
}
