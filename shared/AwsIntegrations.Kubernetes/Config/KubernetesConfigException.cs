namespace AwsIntegrations.Kubernetes.Config;

/// <summary>The configuration cannot yield a connection; the message says what to fix.</summary>
public sealed class KubernetesConfigException(string message, Exception? inner = null) : Exception(message, inner);
