namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>
/// kubernetes-sigs/ingress-controller-conformance features/load_balancing.feature ("Load Balancing"), as
/// test/conformance/loadbalancing/feature.go checks it: the set of pods that answered, per status code.
/// </summary>
public sealed class LoadBalancingFeatureTests(LoadBalancingBackground background) : IClassFixture<LoadBalancingBackground>
{
    // Scenario Outline: An Ingress with no rules should send all requests to the default backend and
    //   When I send 100 requests to "http://load-balancing"
    //   Then all the responses status-code must be 200 and the response body should contain the IP address of 10 different Kubernetes pods
    [Fact]
    public async Task AnIngressWithNoRules_SpreadsRequestsOverAllTenPods()
    {
        var podsByStatus = new Dictionary<int, HashSet<string>>();
        for (var i = 0; i < 100; i++)
        {
            var (request, response) = await background.Cluster.CaptureRoundTripAsync("GET", "load-balancing", "");
            if (!podsByStatus.TryGetValue(response.StatusCode, out var pods))
            {
                podsByStatus[response.StatusCode] = pods = [];
            }

            pods.Add(request.Pod);
        }

        podsByStatus.Keys.Should().Equal([200], "all the responses status-code must be 200");
        podsByStatus[200].Should().HaveCount(10);
    }
}
