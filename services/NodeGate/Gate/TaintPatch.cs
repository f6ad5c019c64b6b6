using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// The JSON patch that removes exactly the given taints and, on release, adds the release annotations the node lacks. Each
/// removal is guarded by a "test" of the taint's key at that index, so if anyone changed the taint list since
/// <c>node</c> was read, the server rejects the patch and nothing of theirs is lost (we read again and retry); other
/// writers' taints are never rewritten, and an annotation already there (an earlier release time) is never overwritten.
/// </summary>
public static class TaintPatch
{
    /// <summary>The operations, or null when the node carries none of <paramref name="keys"/> and has every annotation (nothing to write).</summary>
    public static JsonArray? Build(V1Node node, IReadOnlyCollection<string> keys, IReadOnlyDictionary<string, string> annotations)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(annotations);
        var taints = (node.Spec?.Taints ?? []).Select((t, i) => (t.Key, Index: i)).Where(p => keys.Contains(p.Key)).ToList();
        var missing = annotations.Where(a => node.GetAnnotation(a.Key) is null).ToList();
        if (taints.Count == 0 && missing.Count == 0)
        {
            return null;
        }

        var operations = new JsonArray();
        foreach (var (key, index) in taints)
        {
            operations.Add(Op("test", $"/spec/taints/{index}/key", key));
        }

        foreach (var (_, index) in Enumerable.Reverse(taints))
        {
            operations.Add(new JsonObject { ["op"] = "remove", ["path"] = $"/spec/taints/{index}" });
        }

        if (missing.Count > 0 && node.Metadata.Annotations is null)
        {
            // "add" on a missing map creates it, but would replace one created meanwhile: guard with the version read.
            operations.Add(Op("test", "/metadata/resourceVersion", node.Metadata.ResourceVersion ?? ""));
            operations.Add(new JsonObject { ["op"] = "add", ["path"] = "/metadata/annotations", ["value"] = new JsonObject(missing.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))) });
        }
        else
        {
            foreach (var (key, value) in missing)
            {
                operations.Add(Op("add", $"/metadata/annotations/{Escape(key)}", value));
            }
        }

        return operations;
    }

    /// <summary>RFC 6901: '~' is '~0' and '/' is '~1' inside a pointer segment.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static JsonObject Op(string op, string path, string value) => new() { ["op"] = op, ["path"] = path, ["value"] = value };
}
