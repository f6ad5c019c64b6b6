using k8s.Models;

namespace AwsIntegrations.Kubernetes.Informers;

/// <summary>The indexes every informer of a kind gets, besides namespace and owner: pods by IP and by node.</summary>
internal static class InformerIndexes
{
    public static IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> For<T>() =>
        typeof(T) == typeof(V1Pod)
            ? (IReadOnlyDictionary<string, Func<T, IEnumerable<string>>>)(object)PodIndexes.All
            : new Dictionary<string, Func<T, IEnumerable<string>>>();
}
