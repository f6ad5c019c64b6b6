using System.Text;
using System.Text.Json;
using AwsIntegrations.Kubernetes.Informers;
using k8s;
using k8s.Models;
using AwsIntegrations.Kube2Iam.Pods;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Kube2Iam.Debugging;

/// <summary>
/// kube2iam's /debug/store (only with --debug; server.go debugStoreHandler, mappings/mapper.go DumpDebugInfo): each pod IP's
/// role annotation ("" without one) and namespace, and each namespace's allowed-roles annotation, as Go's JSON.
/// </summary>
public sealed class DebugStore(PodDirectory pods, Informer<V1Namespace> namespaces, string roleKey, string namespaceKey)
{
    public const string Path = "/debug/store";

    public Task HandleAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        // What Go's http server sniffs for a body that starts with '{'.
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Render(pods.ByIp(), namespaces.List(), roleKey, namespaceKey), context.RequestAborted);
    }

    /// <summary>The document for pods by IP (null: more than one claims the IP, left out as kube2iam leaves it out) and namespaces.</summary>
    public static string Render(IReadOnlyDictionary<string, V1Pod?> podsByIp, IEnumerable<V1Namespace> namespaceList, string roleKey, string namespaceKey)
    {
        var held = podsByIp.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var json = new StringBuilder();
        json.Append("{\"namespaceByIP\":");
        GoJson.WriteObject(json, held.Select(p => KeyValuePair.Create(p.Key, p.Value.Metadata.NamespaceProperty ?? string.Empty)), GoJson.WriteString);
        json.Append(",\"rolesByIP\":");
        GoJson.WriteObject(json, held.Select(p => KeyValuePair.Create(p.Key, p.Value.GetAnnotation(roleKey) ?? string.Empty)), GoJson.WriteString);
        json.Append(",\"rolesByNamespace\":");
        GoJson.WriteObject(json, namespaceList.Where(n => n.Metadata.Name is not null)
            .Select(n => KeyValuePair.Create(n.Metadata.Name!, AllowedRolesAsGoReadsThem(n.GetAnnotation(namespaceKey)))), GoJson.WriteStrings);
        json.Append('}');
        return json.ToString();
    }

    /// <summary>
    /// kube2iam's GetNamespaceRoleAnnotation: json.Unmarshal into []string. Nothing, bad JSON or a non-array give nil;
    /// an array element that is not a string stays "" (Go reports the error but keeps the slice).
    /// </summary>
    public static IReadOnlyList<string>? AllowedRolesAsGoReadsThem(string? annotation)
    {
        if (string.IsNullOrEmpty(annotation))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(annotation);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : string.Empty)]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
