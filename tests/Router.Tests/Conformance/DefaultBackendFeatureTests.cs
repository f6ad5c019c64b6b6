namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>
/// kubernetes-sigs/ingress-controller-conformance features/default_backend.feature ("Default backend"), each step as
/// test/conformance/defaultbackend/feature.go and test/state/state.go check it.
/// </summary>
public sealed class DefaultBackendFeatureTests(DefaultBackendBackground background) : IClassFixture<DefaultBackendBackground>
{
    // Scenario Outline: An Ingress with no rules should send all requests to the default backend (its six Examples rows).
    [Theory]
    [InlineData("GET", "my-host", "")]
    [InlineData("GET", "my-host", "sub-path")]
    [InlineData("POST", "some-host", "")]
    [InlineData("PUT", "", "resource")]
    [InlineData("DELETE", "some-host", "resource")]
    [InlineData("PATCH", "my-host", "resource")]
    public async Task AnIngressWithNoRules_SendsAllRequestsToTheDefaultBackend(string method, string host, string path)
    {
        var (request, response) = await background.Cluster.CaptureRoundTripAsync(method, host, path);

        response.StatusCode.Should().Be(200);
        request.Service.Should().Be("echo-service");
        response.Proto.Should().Be("HTTP/1.1");
        // "the response headers must contain <key> with matching <value>": Content-Length, Content-Type, Date and Server, any value.
        response.Headers.Should().ContainKeys("Content-Length", "Content-Type", "Date", "Server");
        request.Method.Should().Be(method);
        request.Path.Should().Be("/" + path);
        request.Proto.Should().Be("HTTP/1.1");
        request.Headers.Should().ContainKey("User-Agent").WhoseValue.Should().Contain("Go-http-client/1.1");
    }
}
