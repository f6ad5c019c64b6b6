using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AwsIntegrations.Kubernetes.Tests.Emulator;

/// <summary>The emulator's answers to bad requests, checked over raw HTTP: a clear Status, and nothing changed.</summary>
public sealed class EmulatorApiTests : EmulatorTest
{
    private HttpClient Http => new() { BaseAddress = Kube.BaseAddress };

    [Theory]
    [InlineData("POST", "/api/v1/namespaces/default/pods", "application/json", "{not json", 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/pods", "application/json", """{"kind":"Service","metadata":{"name":"x"}}""", 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/pods", "application/json", """{"metadata":{"name":"x","namespace":"other"}}""", 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/pods", "application/json", """{"metadata":{}}""", 422, "Invalid")]
    [InlineData("PUT", "/api/v1/namespaces/default/pods/web", "application/json", """{"metadata":{"name":"other"}}""", 400, "BadRequest")]
    [InlineData("PATCH", "/api/v1/namespaces/default/pods/web", "application/apply-patch+yaml", "metadata: {}", 415, "UnsupportedMediaType")]
    [InlineData("PATCH", "/api/v1/namespaces/default/pods/web", "application/json-patch+json", """[{"op":"remove","path":"/spec/nothing"}]""", 422, "Invalid")]
    [InlineData("PATCH", "/api/v1/namespaces/default/pods/web", "application/json-patch+json", """{"op":"add"}""", 400, "BadRequest")]
    [InlineData("PATCH", "/api/v1/namespaces/default/pods/web", "application/json-patch+json", """[{"op":"frobnicate","path":"/a"}]""", 400, "BadRequest")]
    [InlineData("GET", "/api/v1/namespaces/default/pods?watch=true&resourceVersion=abc", null, null, 400, "BadRequest")]
    [InlineData("GET", "/api/v1/namespaces/default/pods?limit=1&continue=%%%", null, null, 400, "BadRequest")]
    [InlineData("GET", "/api/v1/namespaces/default/pods?watch=yes", null, null, 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/pods?fieldManager=%01bad", "application/json", """{"metadata":{"name":"x"}}""", 400, "BadRequest")]
    [InlineData("GET", "/api/v1/namespaces/default/widgets", null, null, 404, "NotFound")]
    [InlineData("GET", "/apis/batch/v1/jobs/x", null, null, 404, "NotFound")]
    [InlineData("DELETE", "/api/v1/namespaces/default/pods/web?propagationPolicy=Sometimes", null, null, 400, "BadRequest")]
    [InlineData("POST", "/api/v1/namespaces/default/pods/web", "application/json", "{}", 405, "MethodNotAllowed")]
    [InlineData("POST", "/api/v1/namespaces/default/pods?dryRun=All", "application/json", """{"metadata":{"name":"dry"}}""", 400, "BadRequest")]
    public async Task BadRequest_IsAnsweredWithAStatus_AndChangesNothing(string method, string path, string? contentType, string? body, int code, string reason)
    {
        await CreatePodAsync(NewPod("web"));
        var before = Kube.Store.ResourceVersion;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
        }

        using var http = Http;
        using var response = await http.SendAsync(request);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        ((int)response.StatusCode).Should().Be(code);
        ((string?)status["kind"]).Should().Be("Status");
        ((string?)status["reason"]).Should().Be(reason);
        ((string?)status["message"]).Should().NotBeNullOrEmpty();
        Kube.Store.ResourceVersion.Should().Be(before);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData("1")]
    [InlineData("t")]
    [InlineData("T")]
    public async Task WatchParameter_EverySpellingOfGosParseBool_StartsAWatch(string spelling)
    {
        await CreatePodAsync(NewPod("web"));

        using var http = Http;
        var body = await http.GetStringAsync($"/api/v1/namespaces/default/pods?watch={spelling}&timeoutSeconds=1");

        var first = JsonNode.Parse(body.Split('\n')[0])!;
        ((string?)first["type"]).Should().Be("ADDED");
        ((string?)first["object"]!["metadata"]!["name"]).Should().Be("web");
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("0")]
    [InlineData("f")]
    [InlineData("")]
    public async Task WatchParameter_FalseSpellings_List(string spelling)
    {
        await CreatePodAsync(NewPod("web"));

        using var http = Http;
        var list = JsonNode.Parse(await http.GetStringAsync($"/api/v1/namespaces/default/pods?watch={spelling}"))!;

        ((string?)list["kind"]).Should().Be("PodList");
    }

    [Fact]
    public async Task DeleteCollection_WithLabelSelector_DeletesOnlyTheMatches()
    {
        await CreatePodAsync(NewPod("a", labels: new Dictionary<string, string> { ["batch"] = "1" }));
        await CreatePodAsync(NewPod("b", labels: new Dictionary<string, string> { ["batch"] = "1" }));
        await CreatePodAsync(NewPod("c"));

        using var http = Http;
        using var response = await http.DeleteAsync("/api/v1/namespaces/default/pods?labelSelector=batch%3D1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Kube.All("Pod", "default").Select(p => (string?)p["metadata"]!["name"]).Should().Equal("c");
    }

    [Fact]
    public async Task Discovery_ListsEveryServedKindWithItsStatusSubresource()
    {
        using var http = Http;

        var core = JsonNode.Parse(await http.GetStringAsync("/api/v1"))!;
        var groups = JsonNode.Parse(await http.GetStringAsync("/apis"))!;
        var batch = JsonNode.Parse(await http.GetStringAsync("/apis/batch/v1"))!;
        var version = JsonNode.Parse(await http.GetStringAsync("/version"))!;

        core["resources"]!.AsArray().Select(r => (string?)r!["name"]).Should().Contain(["pods", "pods/status", "nodes", "namespaces", "services", "secrets", "events"]);
        groups["groups"]!.AsArray().Select(g => (string?)g!["name"]).Should().Contain(["apps", "batch", "coordination.k8s.io", "discovery.k8s.io", "networking.k8s.io"]);
        batch["resources"]!.AsArray().Single(r => (string?)r!["name"] == "jobs")!["namespaced"]!.GetValue<bool>().Should().BeTrue();
        ((string?)version["gitVersion"]).Should().StartWith("v1.32");
    }
}
