using System.Net;
using System.Net.Http.Json;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Compatibility;

/// <summary>zalando.org/skipper-predicate and zalando.org/skipper-filter over HTTP, on the examples of skipper's docs/kubernetes/ingress-usage.md.</summary>
public sealed class PredicateAndFilterTests
{
    // docs/kubernetes/ingress-usage.md "Feature Toggle": two Ingresses on one host, the alpha one with a QueryParam predicate.
    [Fact]
    public async Task FeatureToggle_QueryParamPredicate_SelectsTheAlphaService()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              annotations:
                zalando.org/skipper-predicate: QueryParam("version", "^alpha$")
              name: alpha-app
            spec:
              rules:
              - host: app-default.example.org
                http:
                  paths:
                  - backend:
                      service:
                        name: alpha-svc
                        port:
                          number: 80
                    pathType: ImplementationSpecific
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: prod-app
            spec:
              rules:
              - host: app-default.example.org
                http:
                  paths:
                  - backend:
                      service:
                        name: prod-svc
                        port:
                          number: 80
                    pathType: ImplementationSpecific
            """);
        router.AddService("default", "alpha-svc");
        router.AddService("default", "prod-svc");
        await pods.ServeAsync(router, "default", "alpha-svc", null, "127.0.4.1");
        await pods.ServeAsync(router, "default", "prod-svc", null, "127.0.4.2");
        await router.WaitForStatusAsync("app-default.example.org", "/", HttpStatusCode.OK);
        await router.WaitForStatusAsync("app-default.example.org", "/?version=alpha", HttpStatusCode.OK);

        (await EchoAsync(router, router.Get("app-default.example.org", "/mypath?version=alpha"))).Backend.Should().Be("alpha-svc");
        (await EchoAsync(router, router.Get("app-default.example.org", "/mypath"))).Backend.Should().Be("prod-svc");
        (await EchoAsync(router, router.Get("app-default.example.org", "/mypath?version=beta"))).Backend.Should().Be("prod-svc");
    }

    // docs/kubernetes/ingress-usage.md "Add a request Header", "Add a response Header", "Modify Path" and "Set the Querystring"'s
    // neighbours, chained as "Chaining Filters and Predicates" shows.
    [Fact]
    public async Task HeaderAndPathFilters_ChangeWhatTheBackendAndTheClientSee()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(SkipperManifests.AppSvc, DocsIngress("app", "app-default.example.org", """
                zalando.org/skipper-filter: setRequestHeader("X-Foo", "bar") -> setResponseHeader("X-Foo", "bar") -> modPath("^/api/", "/")
            """));
        await pods.ServeAsync(router, "default", "app-svc", null, "127.0.4.3");
        await router.WaitForStatusAsync("app-default.example.org", "/", HttpStatusCode.OK);

        using var response = await router.Client.SendAsync(router.Get("app-default.example.org", "/api/foo?x=1"));
        var echo = (await response.Content.ReadFromJsonAsync<BackendEcho>())!;

        echo.Path.Should().Be("/foo?x=1", "modPath(\"^/api/\", \"/\") turns /api/foo into /foo and keeps the query");
        echo.Headers["X-Foo"].Should().Be("bar");
        response.Headers.GetValues("X-Foo").Should().Equal("bar");
    }

    // dataclients/kubernetes/testdata/ingressV1/ingress-data/ing-with-setpath-filter-annotation.yaml
    [Fact]
    public async Task SetPathFilter_BackendReceivesTheNewPath()
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
                zalando.org/skipper-filter: setPath("/foo")
            spec:
              rules:
              - host: www.example.org
                http:
                  paths:
                  - path: "/"
                    pathType: ImplementationSpecific
                    backend:
                      service:
                        name: bar
                        port:
                          name: baz
            """, SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.4.4");
        await router.WaitForStatusAsync("www.example.org", "/", HttpStatusCode.OK);

        (await EchoAsync(router, router.Get("www.example.org", "/anything?q=2"))).Path.Should().Be("/foo?q=2");
    }

    // docs/kubernetes/ingress-usage.md "Redirect": redirectTo(301, "https://foo.example.org/")
    [Fact]
    public async Task RedirectToFilter_AnswersWithoutCallingTheBackend()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(SkipperManifests.AppSvc, DocsIngress("app", "app-default.example.org", """
                zalando.org/skipper-filter: redirectTo(301, "https://foo.example.org/")
            """));
        var backend = (await pods.ServeAsync(router, "default", "app-svc", null, "127.0.4.5"))[0];
        await router.WaitForStatusAsync("app-default.example.org", "/", HttpStatusCode.MovedPermanently);

        using var response = await router.Client.SendAsync(router.Get("app-default.example.org", "/old/page"));

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location.Should().Be(new Uri("https://foo.example.org/"));
        backend.Requests.Should().Be(0);
    }

    // docs/kubernetes/ingress-usage.md "Client Ratelimits": clientRatelimit(20, "1h") per client by X-Forwarded-For, and
    // clientRatelimit(20, "1h", "authorization") per Authorization header.
    [Fact]
    public async Task ClientRatelimit_OverTheLimit_429ForThatClientOnly()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(SkipperManifests.AppSvc,
            DocsIngress("app", "app-default.example.org", """
                zalando.org/skipper-filter: clientRatelimit(20, "1h")
            """),
            DocsIngress("app-auth", "auth.example.org", """
                zalando.org/skipper-filter: clientRatelimit(20, "1h", "authorization")
            """));
        await pods.ServeAsync(router, "default", "app-svc", null, "127.0.4.6");
        await router.WaitForStatusAsync("app-default.example.org", "/", HttpStatusCode.OK);
        await router.WaitForStatusAsync("auth.example.org", "/", HttpStatusCode.OK);

        for (var i = 0; i < 20; i++)
        {
            (await StatusAsync(router, "app-default.example.org", "X-Forwarded-For", "203.0.113.7")).Should().Be(HttpStatusCode.OK);
        }

        using var limited = await SendAsync(router, "app-default.example.org", "X-Forwarded-For", "203.0.113.7, 10.0.0.1");
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the client is the first X-Forwarded-For address");
        limited.Headers.GetValues("X-Rate-Limit").Should().Equal("20");
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(3500, 3600);
        (await StatusAsync(router, "app-default.example.org", "X-Forwarded-For", "198.51.100.1")).Should().Be(HttpStatusCode.OK);

        for (var i = 0; i < 20; i++)
        {
            (await StatusAsync(router, "auth.example.org", "Authorization", "Bearer one")).Should().Be(HttpStatusCode.OK);
        }

        (await StatusAsync(router, "auth.example.org", "Authorization", "Bearer one")).Should().Be(HttpStatusCode.TooManyRequests);
        (await StatusAsync(router, "auth.example.org", "Authorization", "Bearer two")).Should().Be(HttpStatusCode.OK);
    }

    // docs/kubernetes/ingress-usage.md "A/B test": 10% of new clients get flavor A by Traffic(.1, "flavor", "A") with a
    // cookie, the rest B; returning clients stick to their flavor through the Cookie predicates. (The docs' B Ingress has
    // a typo, responseCookie("flavor, "B", …), which is not eskip; it is written here as meant.)
    [Fact]
    public async Task AbTest_TrafficWithCookieGroup_TenPercentAAndClientsStick()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(
            AbIngress("app-a-new", "a-app-svc", """
                zalando.org/skipper-predicate: Traffic(.1, "flavor", "A")
                zalando.org/skipper-filter: responseCookie("flavor", "A", 31536000)
            """),
            AbIngress("app-b-new", "b-app-svc", """
                zalando.org/skipper-filter: responseCookie("flavor", "B", 31536000)
            """),
            AbIngress("app-a", "a-app-svc", """
                zalando.org/skipper-predicate: Cookie("flavor", /^A$/)
            """),
            AbIngress("app-b", "b-app-svc", """
                zalando.org/skipper-predicate: Cookie("flavor", /^B$/)
            """));
        router.AddService("default", "a-app-svc");
        router.AddService("default", "b-app-svc");
        await pods.ServeAsync(router, "default", "a-app-svc", null, "127.0.4.7");
        await pods.ServeAsync(router, "default", "b-app-svc", null, "127.0.4.8");
        foreach (var sticky in new[] { "A", "B" })
        {
            await router.WaitForStatusAsync(() =>
            {
                var request = router.Get("app-default.example.org", "/");
                request.Headers.Add("Cookie", "flavor=" + sticky);
                return request;
            }, HttpStatusCode.OK);
        }

        var counts = await TrafficSplit.CountAsync(router, "app-default.example.org", "/", 1000);
        TrafficSplit.ShouldMatch(counts, new Dictionary<string, double> { ["a-app-svc"] = 0.1, ["b-app-svc"] = 0.9 });

        using var fresh = await router.Client.SendAsync(router.Get("app-default.example.org", "/"));
        var flavor = (await fresh.Content.ReadFromJsonAsync<BackendEcho>())!.Backend == "a-app-svc" ? "A" : "B";
        fresh.Headers.GetValues("Set-Cookie").Should().ContainSingle().Which.Should()
            .Be($"flavor={flavor}; Path=/; Domain=example.org; Max-Age=31536000; HttpOnly; Secure");
        foreach (var (cookie, service) in new[] { ("A", "a-app-svc"), ("B", "b-app-svc") })
        {
            for (var i = 0; i < 30; i++)
            {
                var request = router.Get("app-default.example.org", "/");
                request.Headers.Add("Cookie", "flavor=" + cookie);
                (await EchoAsync(router, request)).Backend.Should().Be(service, "a client with flavor {0} sticks to it", cookie);
            }
        }
    }

    // docs/kubernetes/ingress-usage.md "IP Allow Listing" (ClientIP: the connection's address, X-Forwarded-For ignored) and
    // "Chaining Filters and Predicates" (Source: the first X-Forwarded-For address; clientRatelimit -> requestCookie).
    [Fact]
    public async Task SourcePredicates_AllowListedNetworksOnly()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(SkipperManifests.AppSvc,
            DocsIngress("app", "allow.example.org", """
                zalando.org/skipper-predicate: ClientIP("1.2.3.0/24", "195.168.0.0/17")
            """),
            DocsIngress("chained", "app-default.example.org", """
                zalando.org/skipper-predicate: Cookie("flavor", /^B$/) && Source("1.2.3.0/24", "195.168.0.0/17")
                zalando.org/skipper-filter: clientRatelimit(50, "10m") -> requestCookie("test-session", "abc")
            """));
        await pods.ServeAsync(router, "default", "app-svc", null, "127.0.4.9");
        await router.WaitForStatusAsync(() =>
        {
            var request = router.Get("app-default.example.org", "/");
            request.Headers.Add("X-Forwarded-For", "1.2.3.4");
            request.Headers.Add("Cookie", "flavor=B");
            return request;
        }, HttpStatusCode.OK);

        (await StatusAsync(router, "allow.example.org", "X-Forwarded-For", "1.2.3.4")).Should().Be(HttpStatusCode.NotFound,
            "ClientIP looks at the connection (127.0.0.1 here), not at X-Forwarded-For");

        var allowed = router.Get("app-default.example.org", "/");
        allowed.Headers.Add("X-Forwarded-For", "1.2.3.4");
        allowed.Headers.Add("Cookie", "flavor=B");
        (await EchoAsync(router, allowed)).Headers["Cookie"].Should().Be("flavor=B; test-session=abc");
        var outside = router.Get("app-default.example.org", "/");
        outside.Headers.Add("X-Forwarded-For", "10.0.0.1");
        outside.Headers.Add("Cookie", "flavor=B");
        using var refused = await router.Client.SendAsync(outside);
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>The Ingress of docs/kubernetes/ingress-usage.md's examples (app-svc port 80, ImplementationSpecific, no path) with annotations.</summary>
    public static string DocsIngress(string name, string host, string annotations) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          annotations:
        {annotations.TrimEnd()}
          name: {name}
        spec:
          rules:
          - host: {host}
            http:
              paths:
              - backend:
                  service:
                    name: app-svc
                    port:
                      number: 80
                pathType: ImplementationSpecific
        """;

    private static string AbIngress(string name, string service, string annotations) =>
        DocsIngress(name, "app-default.example.org", annotations).Replace("name: app-svc", "name: " + service, StringComparison.Ordinal);

    private static async Task<BackendEcho> EchoAsync(RouterHarness router, HttpRequestMessage request)
    {
        using var response = await router.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<BackendEcho>())!;
    }

    private static async Task<HttpResponseMessage> SendAsync(RouterHarness router, string host, string header, string value)
    {
        var request = router.Get(host, "/");
        request.Headers.TryAddWithoutValidation(header, value);
        return await router.Client.SendAsync(request);
    }

    private static async Task<HttpStatusCode> StatusAsync(RouterHarness router, string host, string header, string value)
    {
        using var response = await SendAsync(router, host, header, value);
        return response.StatusCode;
    }
}
