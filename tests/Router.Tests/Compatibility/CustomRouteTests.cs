using System.Net;
using System.Net.Http.Json;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Compatibility;

/// <summary>zalando.org/skipper-routes over HTTP: the examples of skipper's docs/kubernetes/ingress-usage.md ("Custom Routes").</summary>
public sealed class CustomRouteTests
{
    // docs/kubernetes/ingress-usage.md "CORS example"
    [Fact]
    public async Task Cors_OptionsAnsweredByTheRouter_OtherMethodsReachTheBackend()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(SkipperManifests.AppSvc, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              annotations:
                zalando.org/skipper-routes: |
                  Method("OPTIONS") ->
                  setResponseHeader("Access-Control-Allow-Origin", "*") ->
                  setResponseHeader("Access-Control-Allow-Methods", "GET, OPTIONS") ->
                  setResponseHeader("Access-Control-Allow-Headers", "Authorization") ->
                  status(200) -> <shunt>
              name: app
            spec:
              rules:
              - host: app-default.example.org
                http:
                  paths:
                  - backend:
                      service:
                        name: app-svc
                        port:
                          number: 80
                    pathType: ImplementationSpecific
            """);
        var backend = (await pods.ServeAsync(router, "default", "app-svc", null, "127.0.5.1"))[0];
        await router.WaitForStatusAsync("app-default.example.org", "/", HttpStatusCode.OK);

        var preflight = router.Get("app-default.example.org", "/api/items");
        preflight.Method = HttpMethod.Options;
        var before = backend.Requests;
        using var response = await router.Client.SendAsync(preflight);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        response.Headers.GetValues("Access-Control-Allow-Methods").Should().Equal("GET, OPTIONS");
        response.Headers.GetValues("Access-Control-Allow-Headers").Should().Equal("Authorization");
        backend.Requests.Should().Be(before, "the custom route answers without calling the backend");
        (await router.Client.SendAsync(router.Get("app-default.example.org", "/api/items"))).StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Requests.Should().Be(before + 1);
    }

    // docs/kubernetes/ingress-usage.md "Overwrite the current ingress with a redirect" and "Redirect a specific path from ingress"
    [Fact]
    public async Task RedirectRoutes_WholeIngressOrOnePath()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(SkipperManifests.AppSvc, """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: app
              namespace: default
              annotations:
                zalando.org/skipper-routes: |
                   redirect_app_default: PathRegexp("/") -> redirectTo(307, "https://outage.example.org/") -> <shunt>;
            spec:
              rules:
              - host: "app-default.example.org"
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: app-svc
                        port:
                          number: 80
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: app-path
              namespace: default
              annotations:
                zalando.org/skipper-routes: |
                   redirect_app_default: PathRegexp("/myredirect") -> redirectTo(308, "https://somewhere.example.org/another/path") -> <shunt>;
            spec:
              rules:
              - host: "path.example.org"
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: app-svc
                        port:
                          number: 80
            """);
        await pods.ServeAsync(router, "default", "app-svc", null, "127.0.5.2");
        await router.WaitForStatusAsync("path.example.org", "/", HttpStatusCode.OK);

        using var outage = await router.Client.SendAsync(router.Get("app-default.example.org", "/any/page"));
        outage.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        outage.Headers.Location.Should().Be(new Uri("https://outage.example.org/"));
        using var moved = await router.Client.SendAsync(router.Get("path.example.org", "/myredirect"));
        moved.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        moved.Headers.Location.Should().Be(new Uri("https://somewhere.example.org/another/path"));
        (await router.Client.SendAsync(router.Get("path.example.org", "/other"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // docs/kubernetes/ingress-usage.md "Return static content" and "Multiple routes" (on an Ingress without path rules, as
    // the docs require for custom routes with their own Path)
    [Fact]
    public async Task StaticContentAndMultipleRoutes_AnsweredByTheRouter()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(SkipperManifests.AppSvc,
            PredicateAndFilterTests.DocsIngress("static", "static.example.org", """
                zalando.org/skipper-routes: |
                  PathRegexp("/") -> setResponseHeader("X", "bar") -> inlineContent("<html><body>hello</body></html>") -> status(200) -> <shunt>
            """),
            PredicateAndFilterTests.DocsIngress("multiple", "multiple.example.org", """
                zalando.org/skipper-routes: |
                  routename1: Path("/") -> clientRatelimit(2, "1h") -> inlineContent("A") -> status(200) -> <shunt>;
                  routename2: Path("/foo") -> clientRatelimit(5, "1h") -> inlineContent("B") -> status(200) -> <shunt>;
            """));
        var backend = (await pods.ServeAsync(router, "default", "app-svc", null, "127.0.5.3"))[0];
        await Eventually.HoldsAsync(async () => (await router.MetricsAsync()).Contains("router_routes 5", StringComparison.Ordinal), "the five routes are loaded");
        await router.WaitForStatusAsync("multiple.example.org", "/other", HttpStatusCode.OK);

        using var page = await router.Client.SendAsync(router.Get("static.example.org", "/index.html"));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Headers.GetValues("X").Should().Equal("bar");
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await page.Content.ReadAsStringAsync()).Should().Be("<html><body>hello</body></html>");

        (await TextAsync(router, "multiple.example.org", "/foo")).Should().Be("B");
        for (var i = 0; i < 2; i++)
        {
            (await TextAsync(router, "multiple.example.org", "/")).Should().Be("A");
        }

        using var limited = await router.Client.SendAsync(router.Get("multiple.example.org", "/"));
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "routename1 allows 2 requests an hour per client");
        (await router.Client.SendAsync(router.Get("multiple.example.org", "/other"))).StatusCode.Should().Be(HttpStatusCode.OK);
        backend.Requests.Should().BeGreaterThan(0, "/other is none of the custom routes'");
    }

    // dataclients/kubernetes/testdata/ingressV1/ingress-data/ing-with-routes-annotation.yaml: the custom route is added to every
    // rule (host and path); <shunt> without a status filter answers 404.
    [Fact]
    public async Task ShuntRoute_OnEveryRule_OptionsGets404()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              namespace: foo
              name: qux
              annotations:
                zalando.org/skipper-routes: |
                  Method("OPTIONS") -> <shunt>
            spec:
              rules:
              - host: www1.example.org
                http:
                  paths:
                  - path: "/"
                    pathType: ImplementationSpecific
                    backend:
                      service:
                        name: bar
                        port:
                          name: baz
              - host: www2.example.org
                http:
                  paths:
                  - path: "/"
                    pathType: ImplementationSpecific
                    backend:
                      service:
                        name: bar
                        port:
                          name: baz
              - host: www3.example.org
                http:
                  paths:
                  - path: "/foo"
                    pathType: ImplementationSpecific
                    backend:
                      service:
                        name: bar
                        port:
                          name: baz
            """, SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.5.4");
        await router.WaitForStatusAsync("www3.example.org", "/foo", HttpStatusCode.OK);

        foreach (var (host, path) in new[] { ("www1.example.org", "/x"), ("www2.example.org", "/"), ("www3.example.org", "/foo/bar") })
        {
            var options = router.Get(host, path);
            options.Method = HttpMethod.Options;
            (await router.Client.SendAsync(options)).StatusCode.Should().Be(HttpStatusCode.NotFound, $"OPTIONS {host}{path} meets the shunt route");
            (await router.Client.SendAsync(router.Get(host, path))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await router.Client.SendAsync(router.Get("www3.example.org", "/other"))).StatusCode.Should().Be(HttpStatusCode.NotFound, "www3 routes only ^(/foo)");
    }

    // docs/reference/backends.md "Loopback backend": r0 strips /api and looks the request up again; it reaches the Ingress's route.
    [Fact]
    public async Task Loopback_ChangedRequestLookedUpAgain()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(SkipperManifests.AppSvc, PredicateAndFilterTests.DocsIngress("app", "app-default.example.org", """
                zalando.org/skipper-routes: |
                  r0: PathSubtree("/api") -> setRequestHeader("X-Passed-Skipper", "true") -> modPath(/^\/api/, "") -> <loopback>;
            """));
        await pods.ServeAsync(router, "default", "app-svc", null, "127.0.5.5");
        await router.WaitForStatusAsync("app-default.example.org", "/", HttpStatusCode.OK);

        using var response = await router.Client.SendAsync(router.Get("app-default.example.org", "/api/foo"));
        var echo = (await response.Content.ReadFromJsonAsync<BackendEcho>())!;

        echo.Path.Should().Be("/foo");
        echo.Headers["X-Passed-Skipper"].Should().Be("true");
    }

    private static async Task<string> TextAsync(RouterHarness router, string host, string path)
    {
        using var response = await router.Client.SendAsync(router.Get(host, path));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
