using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Kubernetes.Store;

/// <summary>
/// <c>metadata.managedFields</c> as the API server keeps it for Update operations (structured-merge-diff's field
/// ownership): one entry per manager, operation and subresource, each with the FieldsV1 set of the fields that manager
/// last set. A write gives its manager the fields it added or changed and takes them from every other manager; a field
/// the write removed leaves every set; an entry whose set is empty disappears.
/// FieldsV1 paths: <c>f:name</c> for a field, <c>k:{"name":"web"}</c> for an element of a list keyed by a field
/// (containers, env, conditions…), <c>v:"x"</c> for an element of a set (finalizers), <c>.</c> for the map or element
/// itself; other lists are atomic (owned whole).
/// </summary>
public static class ManagedFields
{
    /// <summary>Fields the server sets itself, which no manager owns.</summary>
    private static readonly HashSet<string> ServerMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink",
    };

    /// <summary>List field → the keys of its elements (x-kubernetes-list-map-keys of the Kubernetes OpenAPI).</summary>
    private static readonly Dictionary<string, string[]> ListMapKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["env"] = ["name"],
        ["volumes"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["imagePullSecrets"] = ["name"],
        ["conditions"] = ["type"],
        ["ownerReferences"] = ["uid"],
        ["podIPs"] = ["ip"],
        ["hostIPs"] = ["ip"],
        ["containerStatuses"] = ["name"],
        ["initContainerStatuses"] = ["name"],
    };

    /// <summary>Lists with set semantics (x-kubernetes-list-type: set).</summary>
    private static readonly HashSet<string> SetLists = new(StringComparer.Ordinal) { "finalizers" };

    /// <summary>Fields that are maps (map[string]…), whose own existence is owned with ".".</summary>
    private static readonly HashSet<string> MapFields = new(StringComparer.Ordinal)
    {
        "labels", "annotations", "data", "binaryData", "stringData", "nodeSelector", "matchLabels", "selector",
        "limits", "requests", "capacity", "allocatable",
    };

    /// <summary>
    /// Writes <paramref name="desired"/>'s managedFields: the <paramref name="live"/> object's entries (none on create)
    /// updated for this write by <paramref name="manager"/>.
    /// </summary>
    public static void Track(JsonObject? live, JsonObject desired, string manager, string apiVersion, string time, bool statusSubresource, bool ownsStatus)
    {
        var metadata = desired["metadata"]!.AsObject();
        var entries = Entries(live);
        var liveFields = live is null ? new FieldSet() : Fields(live, ownsStatus: true);
        var newFields = Fields(desired, ownsStatus: true);
        var changed = Changed(live, desired, newFields, statusSubresource, ownsStatus);
        var removed = liveFields.Minus(newFields);

        var key = (manager, statusSubresource ? "status" : null);
        foreach (var entry in entries)
        {
            entry.Fields = entry.Fields.Minus(removed);
            if ((entry.Manager, entry.Subresource) != key)
            {
                entry.Fields = entry.Fields.Minus(changed);
            }
        }

        if (!changed.IsEmpty)
        {
            var mine = entries.FirstOrDefault(e => (e.Manager, e.Subresource) == key);
            if (mine is null)
            {
                mine = new Entry(manager, statusSubresource ? "status" : null, apiVersion, time, new FieldSet());
                entries.Add(mine);
            }

            mine.Fields = mine.Fields.Union(changed);
            mine.Time = time;
            mine.ApiVersion = apiVersion;
        }

        entries.RemoveAll(e => e.Fields.IsEmpty);
        if (entries.Count == 0)
        {
            metadata.Remove("managedFields");
            return;
        }

        metadata["managedFields"] = new JsonArray([.. entries.Select(e => (JsonNode)e.ToJson())]);
    }

    private static FieldSet Changed(JsonObject? live, JsonObject desired, FieldSet newFields, bool statusSubresource, bool ownsStatus)
    {
        var candidates = statusSubresource ? newFields.Only("f:status") : ownsStatus ? newFields : newFields.Without("f:status");
        return live is null ? candidates : candidates.Where(path => !SameAt(live, desired, path));
    }

    private static bool SameAt(JsonObject live, JsonObject desired, IReadOnlyList<string> path)
    {
        var before = Resolve(live, path);
        var after = Resolve(desired, path);
        return before.Found == after.Found && (path[^1] == "." || JsonNode.DeepEquals(before.Node, after.Node));
    }

    private static (bool Found, JsonNode? Node) Resolve(JsonNode? node, IReadOnlyList<string> path)
    {
        foreach (var step in path)
        {
            if (step == ".")
            {
                return (true, node);
            }

            switch (step[0], node)
            {
                case ('f', JsonObject map) when map.TryGetPropertyValue(step[2..], out var child):
                    node = child;
                    break;
                case ('k', JsonArray list):
                    var wanted = JsonNode.Parse(step[2..])!.AsObject();
                    node = list.FirstOrDefault(item => item is JsonObject o && wanted.All(p => JsonNode.DeepEquals(o[p.Key], p.Value)));
                    if (node is null)
                    {
                        return (false, null);
                    }

                    break;
                case ('v', JsonArray list):
                    var value = JsonNode.Parse(step[2..]);
                    return (list.Any(item => JsonNode.DeepEquals(item, value)), value);
                default:
                    return (false, null);
            }
        }

        return (true, node);
    }

    /// <summary>Every owned path of an object (type metadata and the fields the server sets left out).</summary>
    private static FieldSet Fields(JsonObject root, bool ownsStatus)
    {
        var set = new FieldSet();
        foreach (var (name, value) in root)
        {
            if (name is "apiVersion" or "kind" || (name == "status" && !ownsStatus))
            {
                continue;
            }

            if (name == "metadata" && value is JsonObject metadata)
            {
                foreach (var (field, child) in metadata.Where(p => !ServerMetadata.Contains(p.Key)))
                {
                    Walk(set, ["f:metadata", "f:" + field], field, child);
                }

                continue;
            }

            Walk(set, ["f:" + name], name, value);
        }

        return set;
    }

    private static void Walk(FieldSet set, List<string> path, string field, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject map when map.Count > 0:
                if (MapFields.Contains(field))
                {
                    set.Add([.. path, "."]);
                }

                foreach (var (name, child) in map)
                {
                    Walk(set, [.. path, "f:" + name], name, child);
                }

                break;
            case JsonArray list when list.Count > 0 && SetLists.Contains(field):
                foreach (var item in list)
                {
                    set.Add([.. path, "v:" + item?.ToJsonString()]);
                }

                break;
            case JsonArray list when list.Count > 0 && KeysOf(field, list) is { } keys:
                foreach (var item in list.OfType<JsonObject>())
                {
                    var key = new JsonObject();
                    foreach (var k in keys.Where(item.ContainsKey))
                    {
                        key[k] = item[k]?.DeepClone();
                    }

                    var elementPath = new List<string>(path) { "k:" + key.ToJsonString() };
                    set.Add([.. elementPath, "."]);
                    foreach (var (name, child) in item)
                    {
                        Walk(set, [.. elementPath, "f:" + name], name, child);
                    }
                }

                break;
            default:
                set.Add(path);
                break;
        }
    }

    private static string[]? KeysOf(string field, JsonArray list)
    {
        if (ListMapKeys.TryGetValue(field, out var keys))
        {
            return keys;
        }

        // Container ports and Service ports: keyed by port and protocol.
        return field == "ports" && list.FirstOrDefault() is JsonObject first
            ? first.ContainsKey("containerPort") ? ["containerPort", "protocol"] : first.ContainsKey("port") ? ["port", "protocol"] : null
            : null;
    }

    private static List<Entry> Entries(JsonObject? live) =>
        live?["metadata"]?["managedFields"] is JsonArray array
            ? [.. array.OfType<JsonObject>().Select(Entry.From)]
            : [];

    private sealed class Entry(string manager, string? subresource, string apiVersion, string time, FieldSet fields)
    {
        public string Manager { get; } = manager;
        public string? Subresource { get; } = subresource;
        public string ApiVersion { get; set; } = apiVersion;
        public string Time { get; set; } = time;
        public FieldSet Fields { get; set; } = fields;

        public static Entry From(JsonObject json) => new(
            (string?)json["manager"] ?? "", (string?)json["subresource"], (string?)json["apiVersion"] ?? "",
            (string?)json["time"] ?? "", FieldSet.FromFieldsV1(json["fieldsV1"] as JsonObject));

        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["manager"] = Manager,
                ["operation"] = "Update",
                ["apiVersion"] = ApiVersion,
                ["time"] = Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = Fields.ToFieldsV1(),
            };
            if (Subresource is not null)
            {
                json["subresource"] = Subresource;
            }

            return json;
        }
    }

    /// <summary>A set of paths (each a list of FieldsV1 steps), kept as their joined form for set operations.</summary>
    private sealed class FieldSet
    {
        private const char Separator = '\u001f';
        private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);

        public bool IsEmpty => _paths.Count == 0;

        public void Add(IReadOnlyList<string> path) => _paths.Add(string.Join(Separator, path));

        public FieldSet Minus(FieldSet other) => From(_paths.Where(p => !other._paths.Contains(p)));

        public FieldSet Union(FieldSet other) => From(_paths.Concat(other._paths));

        public FieldSet Only(string first) => From(_paths.Where(p => p == first || p.StartsWith(first + Separator, StringComparison.Ordinal)));

        public FieldSet Without(string first) => From(_paths.Where(p => p != first && !p.StartsWith(first + Separator, StringComparison.Ordinal)));

        public FieldSet Where(Func<IReadOnlyList<string>, bool> keep) => From(_paths.Where(p => keep(p.Split(Separator))));

        public JsonObject ToFieldsV1()
        {
            var root = new JsonObject();
            foreach (var path in _paths)
            {
                var node = root;
                foreach (var step in path.Split(Separator))
                {
                    node = node[step] as JsonObject ?? (JsonObject)(node[step] = new JsonObject());
                }
            }

            return root;
        }

        public static FieldSet FromFieldsV1(JsonObject? fields)
        {
            var set = new FieldSet();
            if (fields is not null)
            {
                Collect(fields, [], set);
            }

            return set;
        }

        private static void Collect(JsonObject node, List<string> prefix, FieldSet set)
        {
            foreach (var (step, child) in node)
            {
                var path = new List<string>(prefix) { step };
                if (child is JsonObject { Count: > 0 } inner)
                {
                    Collect(inner, path, set);
                }
                else
                {
                    set.Add(path);
                }
            }
        }

        private static FieldSet From(IEnumerable<string> paths)
        {
            var set = new FieldSet();
            foreach (var path in paths)
            {
                set._paths.Add(path);
            }

            return set;
        }
    }

    /// <summary>The manager name the API server records for a request: ?fieldManager=, else the User-Agent up to its first "/".</summary>
    public static string ManagerOf(string? fieldManager, string? userAgent)
    {
        if (!string.IsNullOrEmpty(fieldManager))
        {
            return fieldManager.Length <= 128 && fieldManager.All(c => c is >= ' ' and <= '~')
                ? fieldManager
                : throw ApiError.BadRequest($"fieldManager: Invalid value: \"{fieldManager}\": must be at most 128 printable characters");
        }

        var prefix = (userAgent ?? "").Split('/')[0];
        return prefix.Length > 128 ? prefix[..128] : prefix;
    }
}
