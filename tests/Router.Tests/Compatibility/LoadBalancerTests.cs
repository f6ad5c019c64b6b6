using System.Net;
using System.Net.Http.Json;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Compatibility;

/// <summary>zalando.org/skipper-loadbalancer over HTTP, on skipper's golden files and docs/reference/backends.md's list of algorithms.</summary>
public sealed class LoadBalancerTests
{
    // dataclients/kubernetes/testdata/ingressV1/ingress-data/ing-with-lb-annotation-consistenthash.yaml, and
    // docs/kubernetes/ingress-usage.md: "finds for a client detected by the IP or X-Forwarded-For header, the same backend"
    [Fact]
    public async Task ConsistentHash_SameClientSamePod_ClientsSpread()
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
                zalando.org/skipper-loadbalancer: consistentHash
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
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.8.1", "127.0.8.2", "127.0.8.3");
        await router.WaitForStatusAsync("www.example.org", "/", HttpStatusCode.OK);

        var sticky = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            sticky.Add(await BackendAsync(router, i % 2 == 0 ? "203.0.113.7" : "203.0.113.7, 10.0.0.1"));
        }

        sticky.Distinct().Should().ContainSingle("one client (the first X-Forwarded-For address) goes to one pod; answers: {0}; Router log:\n{1}",
            string.Join(" ", sticky), router.Process.Output);
        var withoutHeader = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            withoutHeader.Add(await BackendAsync(router, null));
        }

        withoutHeader.Distinct().Should().ContainSingle("without X-Forwarded-For the peer address is the client; answers: {0}; Router log:\n{1}",
            string.Join(" ", withoutHeader), router.Process.Output);
        var clients = new HashSet<string>();
        for (var i = 1; i <= 60; i++)
        {
            clients.Add(await BackendAsync(router, $"198.51.100.{i}"));
        }

        clients.Should().HaveCount(3, "60 clients are spread over the 3 pods (one pod missing them all has odds of 1e-10)");
        router.Kube.All("Event", "foo").Should().NotContain(e => e["reason"]!.GetValue<string>() == "InvalidAnnotation", "consistentHash is a valid choice");
    }

    // dataclients/kubernetes/testdata/ingressV1/ingress-data/ing-with-lb-annotation-{roundrobin,random,powerofrandomnchoices}.yaml
    // and docs/reference/backends.md (weightedRoundRobin, leastRequests): every name skipper accepts is accepted and balances.
    [Theory]
    [InlineData("roundRobin")]
    [InlineData("random")]
    [InlineData("powerOfRandomNChoices")]
    [InlineData("weightedRoundRobin")]
    [InlineData("leastRequests")]
    public async Task SkippersAlgorithmNames_AcceptedAndEveryPodServes(string algorithm)
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = new Pods();
        router.Apply($"""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              namespace: foo
              name: qux
              annotations:
                zalando.org/skipper-loadbalancer: {algorithm}
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
        await pods.ServeAsync(router, "foo", "bar", "baz", "127.0.8.11", "127.0.8.12", "127.0.8.13");
        await router.WaitForStatusAsync("www.example.org", "/", HttpStatusCode.OK);

        var counts = await TrafficSplit.CountAsync(router, "www.example.org", "/", 90, parallel: 3);

        counts.Keys.Should().BeEquivalentTo(["bar-0", "bar-1", "bar-2"], "{0} sends to every pod (a pod missing 90 requests at random has odds of 1e-15)", algorithm);
        router.Kube.All("Event", "foo").Should().NotContain(e => e["reason"]!.GetValue<string>() == "InvalidAnnotation");
    }

    private static async Task<string> BackendAsync(RouterHarness router, string? forwardedFor)
    {
        var request = router.Get("www.example.org", "/");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await router.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BackendEcho>())!.Backend;
    }
}
