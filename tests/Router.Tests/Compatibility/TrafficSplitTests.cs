using System.Net;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Compatibility;

/// <summary>
/// zalando.org/backend-weights over HTTP, on the Ingresses of skipper's golden files (Ingress and Service documents verbatim;
/// the Endpoints become EndpointSlices of real backends, one pod per Service so that each answer names its Service).
/// </summary>
public sealed class TrafficSplitTests
{
    private const string Services = """
        apiVersion: v1
        kind: Service
        metadata:
          namespace: namespace1
          name: service1v1
        spec:
          clusterIP: 1.2.3.4
          ports:
            - name: port1
              port: 8080
              targetPort: 8080
          type: ClusterIP
        ---
        apiVersion: v1
        kind: Service
        metadata:
          namespace: namespace1
          name: service1v2
        spec:
          clusterIP: 1.2.3.5
          ports:
            - name: port1
              port: 8080
              targetPort: 8080
          type: ClusterIP
        ---
        apiVersion: v1
        kind: Service
        metadata:
          namespace: namespace1
          name: service1v3
        spec:
          clusterIP: 1.2.3.6
          ports:
            - name: port1
              port: 8080
              targetPort: 8080
          type: ClusterIP
        ---
        apiVersion: v1
        kind: Service
        metadata:
          namespace: namespace1
          name: service1v4
        spec:
          clusterIP: 1.2.3.7
          ports:
            - name: port1
              port: 8080
              targetPort: 8080
          type: ClusterIP
        """;

    // dataclients/kubernetes/testdata/ingressV1/traffic/20-60-20.yaml: "if all backends has a weight, all should get relative weight"
    [Fact]
    public async Task BackendWeights_20_60_20_SplitsTrafficByWeight()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = await ServeAsync(router, "127.0.3.", 3);
        router.Apply("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              namespace: namespace1
              name: ingress1
              annotations:
                # if all backends has a weight, all should get relative weight
                zalando.org/backend-weights: '{"service1v1": 20, "service1v2": 60, "service1v3": 20}'
            spec:
              defaultBackend:
                service:
                  name: service1v1
                  port:
                    name: port1
              rules:
                - host: test.example.org
                  http:
                    paths:
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v1
                            port:
                              name: port1
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v2
                            port:
                              name: port1
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v3
                            port:
                              name: port1
            """, Services);
        await TrafficSplit.WaitUntilEachAnswersAsync(router, "test.example.org", "/", "service1v1", "service1v2", "service1v3");

        var counts = await TrafficSplit.CountAsync(router, "test.example.org", "/any/path", 2000);

        TrafficSplit.ShouldMatch(counts, new Dictionary<string, double> { ["service1v1"] = 0.2, ["service1v2"] = 0.6, ["service1v3"] = 0.2 });
    }

    // dataclients/kubernetes/testdata/ingressV1/traffic/1-2-3-4.yaml: four backends, Traffic(0.1), (0.222), (0.428) and the rest
    [Fact]
    public async Task BackendWeights_1_2_3_4_SplitsTrafficByWeight()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = await ServeAsync(router, "127.0.3.", 4, first: 10);
        router.Apply("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              namespace: namespace1
              name: ingress1
              annotations:
                zalando.org/backend-weights: '{"service1v1": 1, "service1v2": 2, "service1v3": 3, "service1v4": 4}'
            spec:
              rules:
                - host: test.example.org
                  http:
                    paths:
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v1
                            port:
                              name: port1
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v2
                            port:
                              name: port1
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v3
                            port:
                              name: port1
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v4
                            port:
                              name: port1
            """, Services);
        await TrafficSplit.WaitUntilEachAnswersAsync(router, "test.example.org", "/", "service1v1", "service1v2", "service1v3", "service1v4");

        var counts = await TrafficSplit.CountAsync(router, "test.example.org", "/", 2000);

        TrafficSplit.ShouldMatch(counts, new Dictionary<string, double> { ["service1v1"] = 0.1, ["service1v2"] = 0.2, ["service1v3"] = 0.3, ["service1v4"] = 0.4 });
    }

    // dataclients/kubernetes/testdata/ingressV1/traffic/no-weights.yaml: ingress1 (no weights: equal shares) and ingress2
    // (explicit zero weight: that backend gets nothing), two hosts of one Router.
    [Fact]
    public async Task BackendWeights_NoneOrZero_EqualSharesAndZeroGetsNothing()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = await ServeAsync(router, "127.0.3.", 4, first: 20);
        router.Apply(FourBackends("ingress1", "test1.example.org", null), FourBackends("ingress2", "test2.example.org", """
              annotations:
                # explicit zero weight
                zalando.org/backend-weights: '{"service1v1": 1, "service1v2": 0, "service1v3": 1, "service1v4": 1}'
            """), Services);
        await TrafficSplit.WaitUntilEachAnswersAsync(router, "test1.example.org", "/", "service1v1", "service1v2", "service1v3", "service1v4");
        await TrafficSplit.WaitUntilEachAnswersAsync(router, "test2.example.org", "/", "service1v1", "service1v3", "service1v4");

        TrafficSplit.ShouldMatch(await TrafficSplit.CountAsync(router, "test1.example.org", "/", 1600),
            new Dictionary<string, double> { ["service1v1"] = 0.25, ["service1v2"] = 0.25, ["service1v3"] = 0.25, ["service1v4"] = 0.25 });
        TrafficSplit.ShouldMatch(await TrafficSplit.CountAsync(router, "test2.example.org", "/", 1200),
            new Dictionary<string, double> { ["service1v1"] = 1 / 3.0, ["service1v2"] = 0, ["service1v3"] = 1 / 3.0, ["service1v4"] = 1 / 3.0 });
    }

    // dataclients/kubernetes/testdata/ingressV1/traffic/two-backends-with-one-zero-weight.yaml: "if only one backend has a
    // weight, only one backend should get 100% traffic" — a blue/green switch; and issue #1 of this Router: no RouteConflict.
    [Fact]
    public async Task BackendWeights_OnlyOneWeighted_AllTrafficToItAndNoConflict()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = await ServeAsync(router, "127.0.3.", 2, first: 30);
        router.Apply("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              namespace: namespace1
              name: ingress1
              annotations:
                # if only one backend has a weight, only one backend should get 100% traffic
                zalando.org/backend-weights: '{"service1v1": 30}'
            spec:
              defaultBackend:
                service:
                  name: service1v1
                  port:
                    name: port1
              rules:
                - host: test.example.org
                  http:
                    paths:
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v1
                            port:
                              name: port1
                      - pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v2
                            port:
                              name: port1
            """, Services);
        await TrafficSplit.WaitUntilEachAnswersAsync(router, "test.example.org", "/", "service1v1");

        TrafficSplit.ShouldMatch(await TrafficSplit.CountAsync(router, "test.example.org", "/", 200),
            new Dictionary<string, double> { ["service1v1"] = 1, ["service1v2"] = 0 });
        router.Kube.All("Event", "namespace1").Should().NotContain(e => e["reason"]!.GetValue<string>() == "RouteConflict");
    }

    // dataclients/kubernetes/testdata/ingressV1/traffic/with-path-30-70.yaml: the split is per path (an ImplementationSpecific
    // path, a regular expression in skipper's default mode).
    [Fact]
    public async Task BackendWeights_WithPath_30_70_SplitsThatPath()
    {
        await using var router = await RouterHarness.StartAsync();
        await using var pods = await ServeAsync(router, "127.0.3.", 2, first: 40);
        router.Apply("""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              namespace: namespace1
              name: ingress1
              annotations:
                zalando.org/backend-weights: '{"service1v1": 30, "service1v2": 70}'
            spec:
              defaultBackend:
                service:
                  name: service1v1
                  port:
                    name: port1
              rules:
                - host: test.example.org
                  http:
                    paths:
                      - path: "/test1"
                        pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v1
                            port:
                              name: port1
                      - path: "/test1"
                        pathType: ImplementationSpecific
                        backend:
                          service:
                            name: service1v2
                            port:
                              name: port1
            """, Services);
        await TrafficSplit.WaitUntilEachAnswersAsync(router, "test.example.org", "/test1", "service1v1", "service1v2");

        TrafficSplit.ShouldMatch(await TrafficSplit.CountAsync(router, "test.example.org", "/test1/a", 1500),
            new Dictionary<string, double> { ["service1v1"] = 0.3, ["service1v2"] = 0.7 });
    }

    private static string FourBackends(string name, string host, string? annotations) => $"""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          namespace: namespace1
          name: {name}
        {annotations?.TrimEnd() ?? ""}
        spec:
          rules:
            - host: {host}
              http:
                paths:
                  - pathType: ImplementationSpecific
                    backend:
                      service:
                        name: service1v1
                        port:
                          name: port1
                  - pathType: ImplementationSpecific
                    backend:
                      service:
                        name: service1v2
                        port:
                          name: port1
                  - pathType: ImplementationSpecific
                    backend:
                      service:
                        name: service1v3
                        port:
                          name: port1
                  - pathType: ImplementationSpecific
                    backend:
                      service:
                        name: service1v4
                        port:
                          name: port1

        """;

    /// <summary>One pod for each of service1v1 … service1vN (addresses prefix + first, first + 1 …).</summary>
    private static async Task<Pods> ServeAsync(RouterHarness router, string prefix, int services, int first = 1)
    {
        var pods = new Pods();
        for (var i = 0; i < services; i++)
        {
            await pods.ServeAsync(router, "namespace1", $"service1v{i + 1}", "port1", prefix + (first + i));
        }

        return pods;
    }
}
