using System.Text.Json.Serialization.Metadata;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>Where a kind lives on the API server and how it is (de)serialized.</summary>
public abstract record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The path of the collection: /api/v1/namespaces/{ns}/pods, /apis/batch/v1/jobs (all namespaces).</summary>
    public string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && !string.IsNullOrEmpty(ns)
            ? $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}"
            : $"{root}/{Plural}";
    }

    public string ObjectPath(string? ns, string name)
    {
        if (Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{Kind} is namespaced: a namespace is required", nameof(ns));
        }

        return $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
    }
}

/// <summary>A registered kind with its source-generated type info and the informer indexes that suit it.</summary>
public sealed record ResourceType<T>(
    string Group,
    string Version,
    string Plural,
    string Kind,
    bool Namespaced,
    JsonTypeInfo<T> TypeInfo,
    JsonTypeInfo<KubernetesList<T>> ListTypeInfo) : ResourceType(Group, Version, Plural, Kind, Namespaced)
    where T : IKubernetesObject
{
    /// <summary>Informer indexes every informer of this kind gets (besides namespace and owner).</summary>
    public IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> Indexes { get; init; } =
        new Dictionary<string, Func<T, IEnumerable<string>>>();
}
