using System.Text.Json.Nodes;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>A patch body with its content type.</summary>
public sealed record KubernetesPatch(string ContentType, JsonNode Body)
{
    /// <summary>RFC 7386 merge patch: objects merge, null removes a field, lists are replaced.</summary>
    public static KubernetesPatch Merge(JsonObject body) => new("application/merge-patch+json", body);

    /// <summary>RFC 6902 JSON patch; add a "test" operation on metadata/resourceVersion for optimistic concurrency.</summary>
    public static KubernetesPatch Json(JsonArray operations) => new("application/json-patch+json", operations);

    public static KubernetesPatch StrategicMerge(JsonObject body) => new("application/strategic-merge-patch+json", body);

    /// <summary>A merge patch that sets (or, with null values, removes) annotations.</summary>
    public static KubernetesPatch Annotations(IReadOnlyDictionary<string, string?> annotations) =>
        Merge(new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = ToObject(annotations) } });

    public static KubernetesPatch Labels(IReadOnlyDictionary<string, string?> labels) =>
        Merge(new JsonObject { ["metadata"] = new JsonObject { ["labels"] = ToObject(labels) } });

    private static JsonObject ToObject(IReadOnlyDictionary<string, string?> values) =>
        new(values.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode?)JsonValue.Create(p.Value))));
}
