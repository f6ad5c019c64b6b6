using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>Reads a dotted path ("status.podIP") from a JSON object.</summary>
public static class JsonPath
{
    public static JsonNode? Read(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? ReadString(JsonNode? node, string path) =>
        Read(node, path) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            var other => other.ToJsonString(),
        };
}
