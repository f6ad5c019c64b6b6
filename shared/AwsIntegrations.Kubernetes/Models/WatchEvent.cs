namespace AwsIntegrations.Kubernetes.Models;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}

/// <summary>One event of a watch. A BOOKMARK carries only metadata.resourceVersion.</summary>
public sealed record WatchEvent<T>(WatchEventType Type, T Object)
    where T : IKubernetesObject;
