namespace AwsIntegrations.Kubernetes.Models;

/// <summary>One event of a watch. A BOOKMARK carries only metadata.resourceVersion.</summary>
public sealed record WatchEvent<T>(WatchEventType Type, T Object)
    where T : IKubernetesObject;
