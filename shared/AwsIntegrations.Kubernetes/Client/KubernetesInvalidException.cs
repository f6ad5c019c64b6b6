using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>422: the object failed validation; <see cref="Causes"/> names the fields.</summary>
public sealed class KubernetesInvalidException(Status? status, string message) : KubernetesApiException(422, status, message)
{
    public IReadOnlyList<StatusCause> Causes => Status?.Details?.Causes ?? [];
}
