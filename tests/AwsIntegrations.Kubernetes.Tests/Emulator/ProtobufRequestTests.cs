using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Kubernetes.Tests.Emulator;

/// <summary>Protobuf request bodies over raw HTTP: decoded on create, update and delete; refused clearly, changing nothing.</summary>
public sealed class ProtobufRequestTests : EmulatorTest
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    protected override KubernetesEmulatorOptions EmulatorOptions => new()
    {
        Resources = [.. ResourceDefinitions.Default, new ResourceDefinition("example.com", "v1", "widgets", "Widget", Namespaced: true)],
    };

    [Fact]
    public async Task PostThenPut_ProtobufConfigMap_IsStored_AndAnsweredAsJson()
    {
        using var created = await SendAsync(HttpMethod.Post, ConfigMaps, ConfigMap("settings", "mode", "blue"));
        using var updated = await SendAsync(HttpMethod.Put, $"{ConfigMaps}/settings", ConfigMap("settings", "mode", "green"));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        ((string?)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["data"]!["mode"]).Should().Be("blue");
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string?)Kube.Get("ConfigMap", "default", "settings")!["data"]!["mode"]).Should().Be("green");
    }

    [Fact]
    public async Task Delete_WithProtobufDeleteOptions_HonoursThePrecondition()
    {
        Kube.Create("ConfigMap", "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "settings" } });
        var options = ProtoWriter.Envelope("v1", "DeleteOptions", o => o.Message(2, p => p.String(1, "not-the-uid")));

        using var response = await SendAsync(HttpMethod.Delete, $"{ConfigMaps}/settings", options);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Kube.Get("ConfigMap", "default", "settings").Should().NotBeNull();
    }

    [Fact]
    public async Task Post_UnknownFieldWithAValue_Is415NamingIt_AndStoresNothing()
    {
        var body = ProtoWriter.Envelope("v1", "ConfigMap", o => o.Message(1, m => m.String(1, "settings")).String(77, "new field"));

        using var response = await SendAsync(HttpMethod.Post, ConfigMaps, body);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        ((string?)status["reason"]).Should().Be("UnsupportedMediaType");
        ((string?)status["message"]).Should().Contain("field 77 of ConfigMap");
        Kube.All("ConfigMap").Should().BeEmpty();
    }

    [Fact]
    public async Task Post_TruncatedProtobuf_Is400_AndStoresNothing()
    {
        var body = ConfigMap("settings", "mode", "blue");

        using var response = await SendAsync(HttpMethod.Post, ConfigMaps, body[..^3]);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string?)status["message"]).Should().Contain("malformed protobuf body");
        Kube.All("ConfigMap").Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ProtobufForACustomResource_Is415LikeTheRealServer()
    {
        var body = ProtoWriter.Envelope("example.com/v1", "Widget", o => o.Message(1, m => m.String(1, "w")));

        using var response = await SendAsync(HttpMethod.Post, "/apis/example.com/v1/namespaces/default/widgets", body);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        ((string?)status["message"]).Should().Contain("application/json");
        Kube.All("Widget").Should().BeEmpty();
    }

    private static byte[] ConfigMap(string name, string key, string value) =>
        ProtoWriter.Envelope("v1", "ConfigMap", o => o.Message(1, m => m.String(1, name)).Entry(2, key, value));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[] body)
    {
        using var http = new HttpClient { BaseAddress = Kube.BaseAddress };
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");
        request.Headers.Accept.ParseAdd("application/vnd.kubernetes.protobuf,application/json");
        return await http.SendAsync(request);
    }
}
