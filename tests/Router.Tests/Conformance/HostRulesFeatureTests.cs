namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>
/// kubernetes-sigs/ingress-controller-conformance features/host_rules.feature ("Host rules"), as test/conformance/hostrules/feature.go
/// checks it. Left out: "An Ingress with a host rule should send TLS traffic to the matching backend service", which needs TLS
/// at the controller (the secure connection must verify foo.bar.com with the Secret's certificate); TLS ends at the ALB here.
/// </summary>
public sealed class HostRulesFeatureTests(HostRulesBackground background) : IClassFixture<HostRulesBackground>
{
    // Scenario: An Ingress with a host rule should send traffic to the matching backend service
    //   (host foo.bar.com matches request foo.bar.com)
    [Fact]
    public async Task HostRule_MatchingHost_ReachesItsService()
    {
        var (request, response) = await background.Cluster.CaptureRoundTripAsync("GET", "foo.bar.com", "");

        response.StatusCode.Should().Be(200);
        request.Service.Should().Be("foo-bar-com");
        request.Host.Should().Be("foo.bar.com");
    }

    // Scenario: An Ingress with a host rule should not route traffic when hostname does not match
    //   (host foo.bar.com does not match request subdomain.bar.com)
    [Fact]
    public async Task HostRule_OtherHost_Gets404()
    {
        (await background.Cluster.CaptureRoundTripAsync("GET", "subdomain.bar.com", "")).Response.StatusCode.Should().Be(404);
    }

    // Scenario: An Ingress with a wildcard host rule should send traffic to the matching backend service
    //   (Matches based on shared suffix)
    [Fact]
    public async Task WildcardHostRule_OneLabel_ReachesItsService()
    {
        var (request, response) = await background.Cluster.CaptureRoundTripAsync("GET", "bar.foo.com", "");

        response.StatusCode.Should().Be(200);
        request.Service.Should().Be("wildcard-foo-com");
        request.Host.Should().Be("bar.foo.com");
    }

    // Scenario: An Ingress with a wildcard host rule should not route traffic matching on more than a single dns label
    //   (No match, wildcard only covers a single DNS label)
    [Fact]
    public async Task WildcardHostRule_TwoLabels_Gets404()
    {
        (await background.Cluster.CaptureRoundTripAsync("GET", "baz.bar.foo.com", "")).Response.StatusCode.Should().Be(404);
    }

    // Scenario: An Ingress with a wildcard host rule should not route traffic matching no dns label
    //   (No match, wildcard only covers a single DNS label)
    [Fact]
    public async Task WildcardHostRule_NoLabel_Gets404()
    {
        (await background.Cluster.CaptureRoundTripAsync("GET", "foo.com", "")).Response.StatusCode.Should().Be(404);
    }
}
