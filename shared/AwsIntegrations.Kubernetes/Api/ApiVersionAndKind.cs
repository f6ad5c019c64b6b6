using System.Reflection;
using k8s;

namespace AwsIntegrations.Kubernetes.Api;

/// <summary>The apiVersion and kind of an object whose type metadata may be unset (KubernetesClient leaves it to the caller).</summary>
public static class ApiVersionAndKind
{
    public static (string? ApiVersion, string? Kind) Of(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var type = obj.GetType();
        var group = Constant(type, "KubeGroup");
        var version = Constant(type, "KubeApiVersion");
        var apiVersion = obj.ApiVersion ?? (version is null ? null : string.IsNullOrEmpty(group) ? version : $"{group}/{version}");
        return (apiVersion, obj.Kind ?? Constant(type, "KubeKind"));
    }

    private static string? Constant(Type type, string name) => type.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
}
