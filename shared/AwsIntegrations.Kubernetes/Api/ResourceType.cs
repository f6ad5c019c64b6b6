using System.Reflection;
using k8s;

namespace AwsIntegrations.Kubernetes.Api;

/// <summary>Where a KubernetesClient model's kind lives on the API server, read from its KubeGroup/KubeApiVersion/KubePluralName constants.</summary>
public static class ResourceType<T>
    where T : IKubernetesObject
{
    private static readonly string? GroupConstant = Constant("KubeGroup");
    private static readonly string? VersionConstant = Constant("KubeApiVersion");
    private static readonly string? KindConstant = Constant("KubeKind");
    private static readonly string? PluralConstant = Constant("KubePluralName");

    public static string Group => GroupConstant ?? throw NotAKind("KubeGroup");

    public static string Version => VersionConstant ?? throw NotAKind("KubeApiVersion");

    public static string Kind => KindConstant ?? throw NotAKind("KubeKind");

    public static string Plural => PluralConstant ?? throw NotAKind("KubePluralName");

    /// <summary>"v1", "batch/v1", …: what goes into apiVersion.</summary>
    public static string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The path of the collection: /api/v1/namespaces/{ns}/pods, /apis/batch/v1/jobs (all namespaces).</summary>
    public static string CollectionPath(string? ns)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return string.IsNullOrEmpty(ns) ? $"{root}/{Plural}" : $"{root}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}";
    }

    private static string? Constant(string name) => typeof(T).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;

    private static InvalidOperationException NotAKind(string constant) =>
        new($"{typeof(T).Name} is not a KubernetesClient model of a kind (it has no {constant})");
}
