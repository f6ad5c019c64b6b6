using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>
/// An immutable snapshot of one object as committed: its JSON bytes (served as they are) and the parts the
/// server filters and collects garbage by, extracted once at commit time.
/// </summary>
public sealed class StoredObject
{
    private StoredObject(ResourceDefinition definition, byte[] json, JsonObject node)
    {
        Definition = definition;
        Json = json;
        var metadata = node["metadata"]!.AsObject();
        Name = (string)metadata["name"]!;
        Namespace = (string?)metadata["namespace"];
        Uid = (string?)metadata["uid"] ?? "";
        ResourceVersion = long.Parse((string?)metadata["resourceVersion"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Labels = StringMap(metadata["labels"]);
        OwnerUids = metadata["ownerReferences"] is JsonArray owners
            ? [.. owners.Select(o => (string?)o?["uid"]).OfType<string>()]
            : [];
        Finalizers = metadata["finalizers"] is JsonArray finalizers ? [.. finalizers.Select(f => (string?)f).OfType<string>()] : [];
        IsDeleting = metadata["deletionTimestamp"] is not null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metadata.name"] = Name,
            ["metadata.namespace"] = Namespace ?? "",
        };
        foreach (var label in definition.FieldLabels)
        {
            fields[label] = JsonPath.ReadString(node, label) ?? "";
        }

        Fields = fields;
    }

    public ResourceDefinition Definition { get; }

    public byte[] Json { get; }

    public string Name { get; }

    public string? Namespace { get; }

    public string Key => Namespace is null ? Name : $"{Namespace}/{Name}";

    public string Uid { get; }

    public long ResourceVersion { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    public IReadOnlyList<string> OwnerUids { get; }

    public IReadOnlyList<string> Finalizers { get; }

    public bool IsDeleting { get; }

    public JsonObject ToNode() => JsonNode.Parse(Json)!.AsObject();

    public static StoredObject From(ResourceDefinition definition, JsonObject node) =>
        new(definition, JsonSerializer.SerializeToUtf8Bytes(node), node);

    private static Dictionary<string, string> StringMap(JsonNode? node) =>
        node is JsonObject map
            ? map.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : [];
}
