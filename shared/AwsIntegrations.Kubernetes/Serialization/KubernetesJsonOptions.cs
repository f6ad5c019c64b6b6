using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Serialization;

/// <summary>What we add to KubernetesClient's serializer options (a per-client copy, never its process-wide defaults).</summary>
internal static class KubernetesJsonOptions
{
    // The metav1.MicroTime fields of the models we write.
    private static readonly HashSet<(Type, string)> MicroTimeFields =
    [
        (typeof(V1LeaseSpec), "acquireTime"),
        (typeof(V1LeaseSpec), "renewTime"),
        (typeof(Corev1Event), "eventTime"),
        (typeof(Corev1EventSeries), "lastObservedTime"),
    ];

    public static void Configure(JsonSerializerOptions options)
    {
        // Informer caches hold thousands of equal short strings (phases, label keys and values, node names): one copy each.
        options.Converters.Insert(0, new InterningStringConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(WriteMicroTimes);
    }

    private static void WriteMicroTimes(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (MicroTimeFields.Contains((type.Type, property.Name)))
            {
                property.CustomConverter = new MicroTime();
            }
        }
    }
}
