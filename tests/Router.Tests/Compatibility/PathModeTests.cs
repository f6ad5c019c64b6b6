using System.Net;
using System.Net.Http.Json;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Compatibility;

/// <summary>
/// ImplementationSpecific paths in skipper's three path modes (docs/kubernetes/ingress-usage.md "Ingress path handling"): the
/// --kubernetes-path-mode flag and the zalando.org/skipper-ingress-path-mode annotation.
/// </summary>
public sealed class PathModeTests
{
    [Fact]
    public async Task DefaultKubernetesIngressMode_PathIsARegularExpressionAtTheStart()
    {
        // "interpreted as a regular expression with a mandatory leading /, and is automatically prepended by a ^"
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(Ingress("regex", "k8s.example.org", "/foo/ba[rz]", null), SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.9.1");
        await router.WaitForStatusAsync("k8s.example.org", "/foo/bar", HttpStatusCode.OK);

        (await StatusAsync(router, "k8s.example.org", "/foo/baz/x")).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(router, "k8s.example.org", "/foo/barooz")).Should().Be(HttpStatusCode.OK, "^(/foo/ba[rz]) matches any path starting so");
        (await StatusAsync(router, "k8s.example.org", "/x/foo/bar")).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PathPrefixAndPathRegexpAnnotations_ChangeOneIngress()
    {
        // path-prefix: "/foo/bar will match /foo/bar or /foo/bar/baz, but won't match /foo/barooz";
        // path-regexp: "not prepended by the ^ control character"
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(Ingress("prefix", "prefix.example.org", "/foo/bar", "path-prefix"), Ingress("regexp", "regexp.example.org", "/bar", "path-regexp"),
            SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.9.2");
        await router.WaitForStatusAsync("prefix.example.org", "/foo/bar", HttpStatusCode.OK);
        await router.WaitForStatusAsync("regexp.example.org", "/bar", HttpStatusCode.OK);

        (await StatusAsync(router, "prefix.example.org", "/foo/bar/baz")).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(router, "prefix.example.org", "/foo/barooz")).Should().Be(HttpStatusCode.NotFound);
        (await StatusAsync(router, "regexp.example.org", "/foo/bar")).Should().Be(HttpStatusCode.OK, "/bar is matched anywhere in the path");
        (await StatusAsync(router, "regexp.example.org", "/foo")).Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PathPrefixFlag_ImplementationSpecificIsPrefix_AnnotationStillChoosesPerIngress()
    {
        // "Default can be changed by startup option -kubernetes-path-mode"; Zalando runs path-prefix
        await using var router = await RouterHarness.StartAsync("--kubernetes-path-mode=path-prefix");
        await using var pods = new Pods();
        router.Apply(Ingress("prefix", "prefix.example.org", "/foo/bar", null), Ingress("regex", "k8s.example.org", "/foo/bar", "kubernetes-ingress"),
            SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.9.3");
        await router.WaitForStatusAsync("prefix.example.org", "/foo/bar", HttpStatusCode.OK);
        await router.WaitForStatusAsync("k8s.example.org", "/foo/bar", HttpStatusCode.OK);

        (await StatusAsync(router, "prefix.example.org", "/foo/barooz")).Should().Be(HttpStatusCode.NotFound);
        (await StatusAsync(router, "k8s.example.org", "/foo/barooz")).Should().Be(HttpStatusCode.OK);
        using var response = await router.Client.SendAsync(router.Get("prefix.example.org", "/foo/bar/baz?q=1"));
        (await response.Content.ReadFromJsonAsync<BackendEcho>())!.Path.Should().Be("/foo/bar/baz?q=1");
    }

    private static string Ingress(string name, string host, string path, string? mode) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          namespace: foo
          name: {name}
          annotations:
            {(mode is null ? "{}" : "zalando.org/skipper-ingress-path-mode: " + mode)}
        spec:
          rules:
          - host: {host}
            http:
              paths:
              - path: "{path}"
                pathType: ImplementationSpecific
                backend:
                  service:
                    name: bar
                    port:
                      name: baz
        """;

    private static async Task<HttpStatusCode> StatusAsync(RouterHarness router, string host, string path)
    {
        using var response = await router.Client.SendAsync(router.Get(host, path));
        return response.StatusCode;
    }
}
