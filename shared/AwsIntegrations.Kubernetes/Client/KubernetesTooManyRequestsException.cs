using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>429: throttled by the server (API priority and fairness); retry after <see cref="RetryAfter"/>.</summary>
public sealed class KubernetesTooManyRequestsException(Status? status, string message, TimeSpan? retryAfter)
    : KubernetesApiException(429, status, message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
