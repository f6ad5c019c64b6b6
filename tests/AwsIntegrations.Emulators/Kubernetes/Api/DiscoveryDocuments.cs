using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Api;

/// <summary>The unaggregated discovery documents kubectl reads: /version, /api, /apis, /api/v1, /apis/{group}/{version}.</summary>
public static class DiscoveryDocuments
{
    private static readonly string[] ObjectVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-awsintegrations-emulator",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject Groups(IEnumerable<ResourceDefinition> definitions) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. definitions.Where(d => d.Group.Length > 0).GroupBy(d => d.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Group)]),
    };

    public static JsonObject? Group(IEnumerable<ResourceDefinition> definitions, string group) =>
        definitions.Where(d => d.Group == group).GroupBy(d => d.Group).Select(Group).FirstOrDefault();

    public static JsonObject? Resources(IEnumerable<ResourceDefinition> definitions, string group, string version)
    {
        var served = definitions.Where(d => d.Group == group && d.Version == version).OrderBy(d => d.Plural, StringComparer.Ordinal).ToList();
        if (served.Count == 0)
        {
            return null;
        }

        var resources = new JsonArray();
        foreach (var definition in served)
        {
            resources.Add(new JsonObject
            {
                ["name"] = definition.Plural,
                ["singularName"] = definition.Singular,
                ["namespaced"] = definition.Namespaced,
                ["kind"] = definition.Kind,
                ["verbs"] = new JsonArray([.. ObjectVerbs.Select(v => (JsonNode)v)]),
                ["shortNames"] = new JsonArray([.. definition.ShortNames.Select(s => (JsonNode)s)]),
                ["storageVersionHash"] = "",
            });
            if (definition.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = definition.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = definition.Namespaced,
                    ["kind"] = definition.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = served[0].GroupVersion,
            ["resources"] = resources,
        };
    }

    private static JsonObject Group(IGrouping<string, ResourceDefinition> group)
    {
        var versions = group.Select(d => d.Version).Distinct().Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{group.Key}/{v}", ["version"] = v });
        var first = group.First();
        return new JsonObject
        {
            ["name"] = group.Key,
            ["versions"] = new JsonArray([.. versions]),
            ["preferredVersion"] = new JsonObject { ["groupVersion"] = first.GroupVersion, ["version"] = first.Version },
        };
    }
}
