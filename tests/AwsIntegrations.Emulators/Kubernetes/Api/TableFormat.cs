using System.Globalization;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>
/// meta.k8s.io/v1 Table answers, which kubectl asks for (Accept: …;as=Table;…) to print `kubectl get` columns.
/// </summary>
public static class TableFormat
{
    public static bool Wanted(string? accept) => accept is not null && accept.Contains("as=Table", StringComparison.Ordinal);

    public static JsonObject Build(ResourceDefinition definition, IEnumerable<StoredObject> items, long resourceVersion, string? continueToken, string? includeObject, DateTimeOffset now)
    {
        var columns = new JsonArray(Column("Name", "name"));
        foreach (var (name, _) in definition.Columns)
        {
            columns.Add(Column(name, ""));
        }

        columns.Add(Column("Age", ""));
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var node = item.ToNode();
            var cells = new JsonArray(item.Name);
            foreach (var (_, path) in definition.Columns)
            {
                cells.Add(JsonPath.ReadString(node, path) ?? "<none>");
            }

            cells.Add(Age(JsonPath.ReadString(node, "metadata.creationTimestamp"), now));
            rows.Add(new JsonObject { ["cells"] = cells, ["object"] = RowObject(node, includeObject) });
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = columns,
            ["rows"] = rows,
        };
    }

    private static JsonNode? RowObject(JsonObject node, string? includeObject) => includeObject switch
    {
        "None" => null,
        "Object" => node,
        _ => new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = node["metadata"]?.DeepClone(),
        },
    };

    private static JsonObject Column(string name, string format) => new()
    {
        ["name"] = name,
        ["type"] = "string",
        ["format"] = format,
        ["description"] = name,
        ["priority"] = 0,
    };

    private static string Age(string? created, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, out var at))
        {
            return "<unknown>";
        }

        var age = now - at;
        return age.TotalSeconds < 120 ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
            : age.TotalMinutes < 120 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
