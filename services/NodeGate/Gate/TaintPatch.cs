using System.Globalization;
using System.Text.Json.Nodes;
using AwsIntegrations.Kubernetes.Models;

namespace AwsIntegrations.NodeGate.Gate;

/// <summary>
/// The JSON patch that removes exactly the startup taint and records the release. Each removal is guarded by a "test" of the
/// taint's key at that index, so if anyone changed the taint list since <paramref name="node"/> was read, the server rejects
/// the patch and nothing of theirs is lost (we read again and retry); other writers' taints are never rewritten.
/// </summary>
public static class TaintPatch
{
    /// <summary>The operations, or null when the node carries neither the taint nor lacks the annotation (nothing to write).</summary>
    public static JsonArray? Build(Node node, string taintKey, DateTimeOffset releasedAt)
    {
        var indexes = (node.Spec?.Taints ?? []).Select((t, i) => (t, i)).Where(p => p.t.Key == taintKey).Select(p => p.i).ToList();
        var annotated = node.Metadata.Annotation(GateAnnotations.Released) is not null;
        if (indexes.Count == 0 && annotated)
        {
            return null;
        }

        var operations = new JsonArray();
        foreach (var index in indexes)
        {
            operations.Add(Op("test", $"/spec/taints/{index}/key", taintKey));
        }

        foreach (var index in Enumerable.Reverse(indexes))
        {
            operations.Add(new JsonObject { ["op"] = "remove", ["path"] = $"/spec/taints/{index}" });
        }

        if (!annotated)
        {
            var stamp = releasedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            if (node.Metadata.Annotations is null)
            {
                // "add" on a missing map creates it, but would replace one created meanwhile: guard with the version read.
                operations.Add(Op("test", "/metadata/resourceVersion", node.Metadata.ResourceVersion ?? ""));
                operations.Add(new JsonObject { ["op"] = "add", ["path"] = "/metadata/annotations", ["value"] = new JsonObject { [GateAnnotations.Released] = stamp } });
            }
            else
            {
                operations.Add(Op("add", $"/metadata/annotations/{Escape(GateAnnotations.Released)}", stamp));
            }
        }

        return operations;
    }

    /// <summary>RFC 6901: '~' is '~0' and '/' is '~1' inside a pointer segment.</summary>
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static JsonObject Op(string op, string path, string value) => new() { ["op"] = op, ["path"] = path, ["value"] = value };
}
