using k8s;

namespace AwsIntegrations.Kubernetes.Api;

/// <summary>One event of a watch. A BOOKMARK carries only metadata.resourceVersion.</summary>
public readonly record struct WatchEvent<T>(WatchEventType Type, T Object);
