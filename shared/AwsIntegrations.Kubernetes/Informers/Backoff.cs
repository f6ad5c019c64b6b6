using AwsIntegrations.Hosting.Loops;

namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>Exponential backoff with jitter (each delay is base × [1, 2)), so many informers do not reconnect in step.</summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public TimeSpan Next() => ExponentialBackoff.For(++_failures, initial, max) * (1 + Random.Shared.NextDouble());

    public void Reset() => _failures = 0;
}
