using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>404: the object (or its namespace) does not exist.</summary>
public sealed class KubernetesNotFoundException(Status? status, string message) : KubernetesApiException(404, status, message);
