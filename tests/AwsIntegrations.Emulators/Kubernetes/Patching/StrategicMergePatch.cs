using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Kubernetes.Patching;

/// <summary>
/// The subset of strategic merge patch that kubectl apply, patch and edit send for the kinds served here:
/// maps merge as in a merge patch; lists named in <see cref="MergeKeys"/> merge element-wise by their key;
/// the directives $patch (replace/delete/merge), $retainKeys, $setElementOrder/… and $deleteFromPrimitiveList/… are honoured.
/// </summary>
public static class StrategicMergePatch
{
    /// <summary>List field name → merge key (patchMergeKey in the Kubernetes API types).</summary>
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["imagePullSecrets"] = "name",
        ["hostAliases"] = "ip",
        ["conditions"] = "type",
        ["ownerReferences"] = "uid",
        ["tolerations"] = "key",
        ["topologySpreadConstraints"] = "topologyKey",
        ["addresses"] = "type",
        ["taints"] = "key",
        ["podIPs"] = "ip",
        ["hostIPs"] = "ip",
    };

    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => Merge(target, patch, parentField: null);

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch, string? parentField)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        if ((string?)patchObject["$patch"] is "replace")
        {
            var replaced = patchObject.DeepClone().AsObject();
            replaced.Remove("$patch");
            return replaced;
        }

        if ((string?)patchObject["$patch"] is "delete")
        {
            return null;
        }

        var result = target as JsonObject ?? new JsonObject();
        if (patchObject["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => (string?)k).ToHashSet(StringComparer.Ordinal);
            foreach (var key in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                result.Remove(key);
            }
        }

        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (result[field] is JsonArray list && value is JsonArray removed)
                {
                    foreach (var item in list.Where(i => removed.Any(r => JsonNode.DeepEquals(r, i))).ToList())
                    {
                        list.Remove(item);
                    }
                }

                continue;
            }

            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonArray patchList && MergeKeys.TryGetValue(key, out var mergeKey) && result[key] is JsonArray currentList)
            {
                result[key] = MergeList(currentList, patchList, mergeKey, key);
            }
            else if (value is JsonArray plainList)
            {
                result[key] = new JsonArray([.. plainList.Where(i => (string?)(i as JsonObject)?["$patch"] is null).Select(i => i?.DeepClone())]);
            }
            else
            {
                result[key] = Merge(result[key]?.DeepClone(), value, key);
            }
        }

        _ = parentField;
        return result;
    }

    private static JsonArray MergeList(JsonArray current, JsonArray patch, string mergeKey, string field)
    {
        var merged = current.Select(i => i?.DeepClone()).ToList();
        foreach (var item in patch)
        {
            var key = item?[mergeKey]?.ToJsonString();
            var at = merged.FindIndex(m => m?[mergeKey]?.ToJsonString() == key);
            if ((string?)(item as JsonObject)?["$patch"] is "delete")
            {
                if (at >= 0)
                {
                    merged.RemoveAt(at);
                }
            }
            else if (at >= 0)
            {
                merged[at] = Merge(merged[at], item, field);
            }
            else
            {
                merged.Add(Merge(null, item, field));
            }
        }

        return new JsonArray([.. merged]);
    }
}
