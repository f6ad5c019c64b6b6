using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>410: the resourceVersion or continue token is older than the server's history; list again.</summary>
public sealed class KubernetesGoneException(Status? status, string message) : KubernetesApiException(410, status, message);
