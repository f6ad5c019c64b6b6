using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>409: a stale resourceVersion or failed precondition (Reason Conflict), or a create of an existing name (AlreadyExists).</summary>
public sealed class KubernetesConflictException(Status? status, string message) : KubernetesApiException(409, status, message)
{
    public bool IsAlreadyExists => Reason == "AlreadyExists";
}
