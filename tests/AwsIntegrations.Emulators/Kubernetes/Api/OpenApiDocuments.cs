using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>
/// Just enough OpenAPI v3 for kubectl: the index of group-versions, and per group-version the PATCH operations tagged
/// with their kind and the fieldValidation parameter, so kubectl leaves validation to the server instead of demanding
/// a full schema. Without schemas kubectl apply computes strategic merge patches from its compiled-in types.
/// </summary>
public static class OpenApiDocuments
{
    public static JsonObject? Serve(IEnumerable<ResourceDefinition> definitions, string path)
    {
        var served = definitions.ToList();
        if (path == "/openapi/v3")
        {
            var paths = new JsonObject();
            foreach (var groupVersion in served.Select(d => d.GroupVersion).Distinct())
            {
                var key = PathOf(groupVersion);
                paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash=emulator" };
            }

            return new JsonObject { ["paths"] = paths };
        }

        var wanted = path["/openapi/v3/".Length..];
        var kinds = served.Where(d => PathOf(d.GroupVersion) == wanted).ToList();
        return kinds.Count == 0 ? null : GroupVersion(kinds);
    }

    private static string PathOf(string groupVersion) => groupVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{groupVersion}" : $"api/{groupVersion}";

    private static JsonObject GroupVersion(IEnumerable<ResourceDefinition> kinds)
    {
        var paths = new JsonObject();
        foreach (var definition in kinds)
        {
            var prefix = "/" + PathOf(definition.GroupVersion) + (definition.Namespaced ? "/namespaces/{namespace}" : "");
            paths[$"{prefix}/{definition.Plural}/{{name}}"] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{definition.Kind}",
                    ["x-kubernetes-group-version-kind"] = new JsonObject
                    {
                        ["group"] = definition.Group,
                        ["version"] = definition.Version,
                        ["kind"] = definition.Kind,
                    },
                    ["parameters"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "fieldValidation",
                        ["in"] = "query",
                        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
                    }),
                    ["responses"] = new JsonObject(),
                },
            };
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }
}
