namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>
/// kubernetes-sigs/ingress-controller-conformance features/ingress_class.feature ("Ingress class"), as
/// test/conformance/ingressclass/feature.go checks it. "The Ingress status should not contain the IP address or FQDN" is the
/// IngressController's part; the Router's is to send no traffic to the Ingress's backend.
/// </summary>
public sealed class IngressClassFeatureTests : IAsyncLifetime
{
    private ConformanceCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ConformanceCluster.StartAsync(4);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    // Scenario: An Ingress with an invalid ingress class should not send traffic to the matching backend service
    [Fact]
    public async Task InvalidIngressClass_SendsNoTrafficToItsBackend()
    {
        // Given an Ingress resource in a new random namespace
        await _cluster.AnIngressResourceAsync(_cluster.NewRandomNamespace(), """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: test-ingress-class
            spec:
              ingressClassName: some-invalid-class-name
              rules:
                - host: "ingress-class"
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: ingress-class-prefix
                            port:
                              number: 8080
            """);
        // A witness of our class created after it: once it is served, the table was built with both.
        await _cluster.AnIngressResourceAsync(_cluster.NewRandomNamespace(), """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: witness
            spec:
              rules:
                - host: "witness"
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service:
                            name: witness
                            port:
                              number: 8080
            """);
        await _cluster.WaitUntilExposedAsync("witness", "");

        var (request, response) = await _cluster.CaptureRoundTripAsync("GET", "ingress-class", "");

        response.StatusCode.Should().Be(404);
        request.Service.Should().BeEmpty("no echo pod answered");
        (await _cluster.Router.MetricsAsync()).Should().MatchRegex("(?m)^router_routes 1$", "only the witness is routed");
    }
}
