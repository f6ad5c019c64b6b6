using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>5xx: the server failed; reads are retried by the client before this is thrown.</summary>
public sealed class KubernetesServerErrorException(int code, Status? status, string message, TimeSpan? retryAfter)
    : KubernetesApiException(code, status, message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
