using System.Net;
using System.Text.Json.Nodes;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Compatibility;

/// <summary>
/// Predicates and filters the Router does not know, and text that is not eskip: a Warning Event on the Ingress, its routes
/// left out, and every other Ingress routed as before.
/// </summary>
public sealed class InvalidRouteLanguageTests
{
    // dataclients/kubernetes/testdata/ingressV1/annotation-predicates/annotation-predicates.yaml (myapp4: Foo("xyz")) and
    // docs/kubernetes/ingress-usage.md "Consecutive Breaker" (consecutiveBreaker(15), a filter this Router does not have),
    // beside a good Ingress on the same Service.
    [Fact]
    public async Task UnknownPredicateOrFilter_EventAndThatIngressLeftOut_OthersRoute()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        // The Service first: an Ingress seen before its Service gets a BackendNotFound Event, which is not what this test is about.
        router.AddService("default", "myapp", 8080);
        router.Apply("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: myapp4
              namespace: default
              annotations:
                zalando.org/zone: "zone4"
                zalando.org/skipper-predicate: Foo("xyz")
            spec:
              rules:
              - host: zone4.test
                http:
                  paths:
                  - backend:
                      service:
                        name: myapp
                        port:
                          number: 8080
                    pathType: ImplementationSpecific
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: myapp2
              namespace: default
              annotations:
                zalando.org/zone: "unknown"
            spec:
              rules:
              - host: zone2.test
                http:
                  paths:
                  - backend:
                      service:
                        name: myapp
                        port:
                          number: 8080
                    pathType: ImplementationSpecific
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              annotations:
                zalando.org/skipper-filter: consecutiveBreaker(15)
              name: app
            spec:
              rules:
              - host: app-default.example.org
                http:
                  paths:
                  - backend:
                      service:
                        name: myapp
                        port:
                          number: 8080
                    pathType: ImplementationSpecific
            """);
        await pods.ServeAsync(router, "default", "myapp", null, "127.0.6.1");
        await router.WaitForStatusAsync("zone2.test", "/", HttpStatusCode.OK);

        await EventAsync(router, () => HasEvent(router, "myapp4", "UnknownPredicate", "predicate \"Foo\" not found"), "an UnknownPredicate Event on myapp4");
        await EventAsync(router, () => HasEvent(router, "app", "UnknownFilter", "filter \"consecutiveBreaker\" not found"), "an UnknownFilter Event on app");
        (await router.Client.SendAsync(router.Get("zone4.test", "/"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await router.Client.SendAsync(router.Get("app-default.example.org", "/"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await router.Client.SendAsync(router.Get("zone2.test", "/"))).StatusCode.Should().Be(HttpStatusCode.OK);
        router.Kube.All("Event", "default").Should().NotContain(e => e["involvedObject"]!["name"]!.GetValue<string>() == "myapp2");

        // Fixed by its owner, the Ingress routes.
        var fixedIngress = router.Kube.Get("Ingress", "default", "app")!;
        fixedIngress["metadata"]!["annotations"] = new JsonObject { ["zalando.org/skipper-filter"] = "setRequestHeader(\"X-Fixed\", \"true\")" };
        router.Kube.Store.Update(router.Kube.Store.Definition("Ingress"), "default", "app", _ => fixedIngress, status: false);
        await router.WaitForStatusAsync("app-default.example.org", "/", HttpStatusCode.OK);
    }

    // dataclients/kubernetes/testdata/ingressV1/ingress-data/ing-with-invalid-routes-annotation-missing-header-argument.yaml:
    // skipper's validator rejects the whole Ingress (its .eskip is empty, its .log names the annotation).
    [Fact]
    public async Task RoutesAnnotationNotEskip_WholeIngressLeftOutWithEvent()
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
                  r1: Header("test") -> status(200) -> "http://foo.test"
            spec:
              defaultBackend:
                service:
                  name: bar
                  port:
                    number: 1234
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
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              namespace: foo
              name: good
            spec:
              rules:
              - host: good.example.org
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
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.6.2");
        await router.WaitForStatusAsync("good.example.org", "/", HttpStatusCode.OK);

        await EventAsync(router, () => HasEvent(router, "qux", "InvalidAnnotation",
            "invalid \"zalando.org/skipper-routes\" annotation: invalid route \"r1\": Header predicate expects 2 string arguments", "foo"),
            "an InvalidAnnotation Event on qux with skipper's message");
        (await router.Client.SendAsync(router.Get("www.example.org", "/"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await router.Client.SendAsync(router.Get("anything.example.org", "/"))).StatusCode.Should().Be(HttpStatusCode.NotFound,
            "the rejected Ingress's defaultBackend is left out too");
    }

    /// <summary>Waits for the Event; a timeout shows the Events the emulator holds and the Router's output (one CI run saw no Event in 20 s).</summary>
    private static Task EventAsync(RouterHarness router, Func<bool> condition, string what) =>
        Eventually.HoldsAsync(condition, what, TimeSpan.FromSeconds(60), () =>
            $"Events: {string.Join(", ", router.Kube.All("Event", "default").Select(e => $"{e["involvedObject"]?["name"]}:{e["reason"]}"))}\n{router.Process.Output}");

    private static bool HasEvent(RouterHarness router, string ingress, string reason, string message, string ns = "default") =>
        router.Kube.All("Event", ns).Any(e =>
            e["involvedObject"]?["name"]?.GetValue<string>() == ingress
            && e["reason"]?.GetValue<string>() == reason
            && e["message"]!.GetValue<string>().Contains(message, StringComparison.Ordinal));
}
