using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>A resource URL taken apart: /api/v1/namespaces/{ns}/{plural}/{name}/{subresource}, /apis/{group}/{version}/…</summary>
public sealed record ApiPath(ResourceDefinition Definition, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Null when the path is no resource path; throws 404 for a resource the emulator does not serve.</summary>
    public static ApiPath? Parse(ObjectStore store, string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        string[] rest;
        if (segments is ["api", var coreVersion, .. var coreRest] && coreRest.Length > 0)
        {
            (group, version, rest) = ("", coreVersion, coreRest);
        }
        else if (segments is ["apis", var g, var v, .. var groupRest] && groupRest.Length > 0)
        {
            (group, version, rest) = (g, v, groupRest);
        }
        else
        {
            return null;
        }

        string? ns = null;
        if (rest is ["namespaces", var namespaceName, var plural, ..] && plural is not ("status" or "finalize"))
        {
            ns = namespaceName;
            rest = rest[2..];
        }

        var definition = store.Find(group, version, rest[0])
            ?? throw new ApiError(404, "NotFound", $"the server could not find the requested resource ({rest[0]})");
        if (definition.Namespaced && ns is null && rest.Length > 1)
        {
            throw new ApiError(404, "NotFound", "the server could not find the requested resource");
        }

        return rest.Length switch
        {
            1 => new ApiPath(definition, ns, null, null),
            2 => new ApiPath(definition, ns, rest[1], null),
            3 when rest[2] == "status" && definition.HasStatus => new ApiPath(definition, ns, rest[1], "status"),
            _ => throw new ApiError(404, "NotFound", "the server could not find the requested resource"),
        };
    }
}
