using System.Text.Json.Nodes;

namespace AwsIntegrations.Aws.Tests.Contract;

/// <summary>One AWS service model as botocore ships it (Debian python3-botocore): operations, shapes, errors.</summary>
internal sealed class BotocoreModel
{
    public const string DataRoot = "/usr/lib/python3/dist-packages/botocore/data";

    private readonly JsonObject _root;

    private BotocoreModel(string service, JsonObject root)
    {
        Service = service;
        _root = root;
    }

    public string Service { get; }

    public string Protocol => _root["metadata"]!["protocol"]!.GetValue<string>();

    public static BotocoreModel Load(string service, string version)
    {
        var path = Path.Combine(DataRoot, service, version, "service-2.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"botocore model {path} is missing: install python3-botocore (.ci/run does)", path);
        }

        return new BotocoreModel(service, (JsonObject)JsonNode.Parse(File.ReadAllText(path))!);
    }

    public JsonObject? Operation(string name) => _root["operations"]![name] as JsonObject;

    public JsonObject Shape(string name) => (JsonObject)_root["shapes"]![name]!;

    public string Type(string shape) => Shape(shape)["type"]!.GetValue<string>();

    public IEnumerable<(string Name, JsonObject Ref)> Members(string shape) =>
        (Shape(shape)["members"] as JsonObject ?? []).Select(m => (m.Key, (JsonObject)m.Value!));

    public (string Shape, JsonObject Ref) ListMember(string shape) =>
        (Shape(shape)["member"]!["shape"]!.GetValue<string>(), (JsonObject)Shape(shape)["member"]!);

    public bool Flattened(string shape, JsonObject? memberRef = null) =>
        Shape(shape)["flattened"]?.GetValue<bool>() == true || memberRef?["flattened"]?.GetValue<bool>() == true;

    /// <summary>Error codes the operation may answer with (the shape's error.code, else its name).</summary>
    public HashSet<string> ErrorCodes(string operation) =>
        (Operation(operation)?["errors"] as JsonArray ?? [])
            .Select(e => e!["shape"]!.GetValue<string>())
            .Select(s => Shape(s)["error"]?["code"]?.GetValue<string>() ?? s)
            .ToHashSet(StringComparer.Ordinal);
}
