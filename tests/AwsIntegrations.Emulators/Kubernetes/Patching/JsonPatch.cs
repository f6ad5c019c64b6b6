using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Patching;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) with RFC 6901 pointers.</summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw ApiError.BadRequest("json patch must be an array of operations");
        }

        foreach (var operation in operations)
        {
            var op = (string?)operation?["op"] ?? throw ApiError.BadRequest("json patch operation has no op");
            var path = (string?)operation!["path"] ?? throw ApiError.BadRequest($"json patch {op} has no path");
            switch (op)
            {
                case "add":
                    Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(document, path);
                    break;
                case "replace":
                    Remove(document, path);
                    Add(document, path, operation["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Remove(document, From(operation));
                    Add(document, path, moved);
                    break;
                case "copy":
                    Add(document, path, Get(document, From(operation))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(document, path), operation["value"]))
                    {
                        throw new ApiError(422, "Invalid", $"the server rejected our request due to an error in our request: testing value {path} failed");
                    }

                    break;
                default:
                    throw ApiError.BadRequest($"unknown json patch operation \"{op}\"");
            }
        }

        return document;
    }

    private static string From(JsonNode operation) =>
        (string?)operation["from"] ?? throw ApiError.BadRequest("json patch move/copy has no from");

    private static (JsonNode Parent, string Token) Parent(JsonNode document, string path)
    {
        if (!path.StartsWith('/'))
        {
            throw ApiError.BadRequest($"json patch path \"{path}\" must start with /");
        }

        var tokens = path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        var parent = document;
        foreach (var token in tokens[..^1])
        {
            parent = Child(parent, token) ?? throw Missing(path);
        }

        return (parent, tokens[^1]);
    }

    private static JsonNode? Get(JsonNode document, string path)
    {
        var (parent, token) = Parent(document, path);
        return Child(parent, token);
    }

    private static JsonNode? Child(JsonNode parent, string token) => parent switch
    {
        JsonObject obj => obj.TryGetPropertyValue(token, out var v) ? v : null,
        JsonArray array when int.TryParse(token, out var i) && i >= 0 && i < array.Count => array[i],
        _ => null,
    };

    private static void Add(JsonNode document, string path, JsonNode? value)
    {
        var (parent, token) = Parent(document, path);
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                break;
            case JsonArray array when token == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(token, out var i) && i >= 0 && i <= array.Count:
                array.Insert(i, value);
                break;
            default:
                throw Missing(path);
        }
    }

    private static JsonNode? Remove(JsonNode document, string path)
    {
        var (parent, token) = Parent(document, path);
        var existing = Child(parent, token);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(token):
                obj.Remove(token);
                break;
            case JsonArray array when existing is not null:
                array.RemoveAt(int.Parse(token, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw Missing(path);
        }

        return existing;
    }

    private static ApiError Missing(string path) =>
        new(422, "Invalid", $"the server rejected our request due to an error in our request: json patch path \"{path}\" does not exist");
}
