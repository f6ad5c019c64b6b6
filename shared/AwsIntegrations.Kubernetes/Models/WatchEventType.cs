namespace AwsIntegrations.Kubernetes.Models;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}
