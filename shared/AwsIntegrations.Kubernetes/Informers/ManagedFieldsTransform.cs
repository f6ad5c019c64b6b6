using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>
/// What an informer does to every object before it caches it (client-go's cache.TransformFunc idea): the API server
/// adds metadata.managedFields to every object, about as large as a small pod's spec, and no service reads them, so the
/// cache does not keep them. Writes are patches of owned fields and never send them back.
/// </summary>
internal static class ManagedFieldsTransform
{
    public static T Strip<T>(T item)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        if (item.Metadata is { } metadata)
        {
            metadata.ManagedFields = null;
        }

        return item;
    }
}
