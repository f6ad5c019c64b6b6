using System.Net;
using System.Text;
using AwsIntegrations.Kube2Iam.Debugging;
using AwsIntegrations.Kube2Iam.Tests.Harness;

namespace AwsIntegrations.Kube2Iam.Tests.Compatibility;

/// <summary>
/// kube2iam's /debug/store (server/server.go Run: registered only `if s.Debug`; debugStoreHandler writes
/// json.Marshal(roleMapper.DumpDebugInfo())): mappings/mapper.go DumpDebugInfo gives rolesByIP (the role annotation, "" without
/// one), namespaceByIP and rolesByNamespace (namespace.go GetNamespaceRoleAnnotation, nil unless the annotation decodes).
/// </summary>
public sealed class DebugStoreTests
{
    [Fact]
    public async Task Debug_StoreAnswersAsKube2IamDoes_ToAnyCaller()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddNamespace("shop", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = """["app-*","team/<x>"]""" });
        cluster.AddNamespace("broken", new Dictionary<string, string> { ["iam.amazonaws.com/allowed-roles"] = "[\"app-*\"" });
        cluster.AddPod("shop", "web-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "app-role" });
        cluster.AddPod("shop", "plain-0", "127.0.0.12");
        cluster.AddPod("shop", "elsewhere-0", "127.0.0.13", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "app-role" }, node: "node-b");
        await using var daemon = await Daemon.StartAsync(cluster, ["--debug"]);
        using var operatorOnTheNode = PodClient.From("127.0.0.1", daemon.Options.AppPort);

        using var response = await operatorOnTheNode.GetAsync(DebugStore.Path);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; charset=utf-8", "what Go's server sniffs for a JSON body");
        body.Should().Be(
            "{\"namespaceByIP\":{\"127.0.0.11\":\"shop\",\"127.0.0.12\":\"shop\"}," +
            "\"rolesByIP\":{\"127.0.0.11\":\"app-role\",\"127.0.0.12\":\"\"}," +
            "\"rolesByNamespace\":{\"broken\":null,\"default\":null,\"kube-node-lease\":null,\"kube-public\":null,\"kube-system\":null," +
            "\"shop\":[\"app-*\",\"team/\\u003cx\\u003e\"]}}");
    }

    [Fact]
    public async Task WithoutDebug_NoStore()
    {
        await using var cluster = await TestCluster.StartAsync();
        cluster.AddPod("shop", "web-0", "127.0.0.11", new Dictionary<string, string> { ["iam.amazonaws.com/role"] = "app-role" });
        await using var daemon = await Daemon.StartAsync(cluster);

        var (status, body) = await Imds.GetAsync(daemon.As("127.0.0.11"), DebugStore.Path);

        status.Should().NotBe(HttpStatusCode.OK);
        body.Should().NotContain("rolesByIP");
    }

    [Fact]
    public void GoJson_EscapesAsEncodingJsonMarshal()
    {
        // Go's encoding/json (1.22 and later, kube2iam's go.mod says 1.26): HTML characters and U+2028/2029 as \u, \b and \f short.
        var json = new StringBuilder();

        GoJson.WriteString(json, "a\"b\\c\n\r\t\b\f<>&\u2028\u2029\u0001\u007fé😀");

        json.ToString().Should().Be("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u003c\\u003e\\u0026\\u2028\\u2029\\u0001\u007fé😀\"");
    }

    [Theory]
    [InlineData("""["a","b"]""", "a,b")]
    [InlineData("""["a",1]""", "a,")]
    [InlineData("[]", "")]
    [InlineData("""{"a":"b"}""", null)]
    [InlineData("null", null)]
    [InlineData("[\"a\"", null)]
    [InlineData("", null)]
    public void AllowedRoles_DecodedAsGoDecodesThemIntoAStringSlice(string annotation, string? expected)
    {
        var roles = DebugStore.AllowedRolesAsGoReadsThem(annotation);

        (roles is null ? null : string.Join(',', roles)).Should().Be(expected);
    }
}
