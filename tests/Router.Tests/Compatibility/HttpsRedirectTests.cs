using System.Net;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Compatibility;

/// <summary>
/// The https redirect with skipper's annotations, on its golden files (dataclients/kubernetes/testdata/ingressV1/ingress-data/
/// redirect-*.yaml and no-redirect-*.yaml; their .kube options httpsRedirect/httpsRedirectCode are the Router's
/// --redirect-http-to-https and --redirect-http-to-https-code). A request the ALB received over http carries X-Forwarded-Proto: http.
/// </summary>
public sealed class HttpsRedirectTests
{
    // redirect-ing-disable-annotation.yaml (httpsRedirect: true): "false" opts the Ingress out; redirect-ing.yaml beside it.
    [Fact]
    public async Task GlobalRedirect_IngressSaysFalse_ItsRequestsPassOthersRedirect()
    {
        await using var router = await RouterHarness.StartAsync("--redirect-http-to-https=true");
        await using var pods = new Pods();
        router.Apply(Qux("www.example.org", """
              annotations:
                zalando.org/skipper-ingress-redirect: "false"
            """), Qux("other.example.org", "", "other"), SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.7.1");
        await router.WaitForStatusAsync("other.example.org", "/", HttpStatusCode.OK);

        (await OverHttpAsync(router, "www.example.org")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var redirected = await OverHttpAsync(router, "other.example.org");
        redirected.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        redirected.Headers.Location.Should().Be(new Uri("https://other.example.org/page?x=1"));
    }

    // redirect-ing-change-global-code.yaml (httpsRedirectCode: 302) and redirect-ing-change-global-code-overwrite-annotation.yaml
    // (zalando.org/skipper-ingress-redirect-code: "301" wins for its Ingress)
    [Fact]
    public async Task RedirectCodes_FlagAndAnnotation()
    {
        await using var router = await RouterHarness.StartAsync("--redirect-http-to-https=true", "--redirect-http-to-https-code=302");
        await using var pods = new Pods();
        router.Apply(Qux("www.example.org", ""), Qux("annotated.example.org", """
              annotations:
                zalando.org/skipper-ingress-redirect-code: "301"
            """, "annotated"), SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.7.2");
        await Eventually.HoldsAsync(async () => (await router.MetricsAsync()).Contains("router_routes 2", StringComparison.Ordinal), "both routes are loaded");

        (await OverHttpAsync(router, "www.example.org")).StatusCode.Should().Be(HttpStatusCode.Found);
        (await OverHttpAsync(router, "annotated.example.org")).StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        (await OverHttpAsync(router, "unknown.example.org")).StatusCode.Should().Be(HttpStatusCode.Found, "without a route the flag's redirect applies");
    }

    // redirect-ing-no-redirect-enable-annotation-with-code.yaml (httpsRedirect: false): "true" with code 301 for this Ingress only
    [Fact]
    public async Task NoGlobalRedirect_IngressSaysTrueWithCode_OnlyItRedirects()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply(Qux("www.example.org", """
              annotations:
                zalando.org/skipper-ingress-redirect: "true"
                zalando.org/skipper-ingress-redirect-code: "301"
            """), Qux("other.example.org", "", "other"), SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.7.3");
        await router.WaitForStatusAsync("other.example.org", "/", HttpStatusCode.OK);

        (await OverHttpAsync(router, "www.example.org")).StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        (await OverHttpAsync(router, "other.example.org")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // no-redirect-for-proto-https-routes.yaml: the Ingress matches X-Forwarded-Proto itself, so it gets no redirect of its
    // own; its route takes https POSTs only, and an http request finds no route and meets the global redirect.
    [Fact]
    public async Task IngressMatchingForwardedProto_HandlesTheProtocolItself()
    {
        await using var router = await RouterHarness.StartAsync("--redirect-http-to-https=true");
        await using var pods = new Pods();
        router.Apply(Qux("www.example.org", """
              annotations:
                zalando.org/skipper-predicate: Weight(3) && Path("/api/registered-applications") && Method("POST") && Header("X-Forwarded-Proto", "https")
            """), SkipperManifests.FooBar);
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.7.4");

        await router.WaitForStatusAsync(() =>
        {
            var https = router.Get("www.example.org", "/api/registered-applications");
            https.Method = HttpMethod.Post;
            https.Headers.Add("X-Forwarded-Proto", "https");
            return https;
        }, HttpStatusCode.OK);
        var http = router.Get("www.example.org", "/api/registered-applications");
        http.Method = HttpMethod.Post;
        http.Headers.Add("X-Forwarded-Proto", "http");
        (await router.Client.SendAsync(http)).StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
    }

    /// <summary>The Ingress foo/qux of the redirect golden files (one ImplementationSpecific rule to foo/bar:baz).</summary>
    private static string Qux(string host, string annotations, string name = "qux") => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          namespace: foo
          name: {name}
        {annotations.TrimEnd()}
        spec:
          rules:
            - host: {host}
              http:
                paths:
                  - backend:
                      service:
                        name: bar
                        port:
                          name: baz
                    pathType: ImplementationSpecific
        """;

    private static Task<HttpResponseMessage> OverHttpAsync(RouterHarness router, string host)
    {
        var request = router.Get(host, "/page?x=1");
        request.Headers.Add("X-Forwarded-Proto", "http");
        return router.Client.SendAsync(request);
    }
}
