namespace AwsIntegrations.Router.Tests.Conformance;

/// <summary>
/// kubernetes-sigs/ingress-controller-conformance features/path_rules.feature ("Path rules"), all 16 scenarios, as
/// test/conformance/pathrules/feature.go checks them: the status, and for 200 the Service whose echo pod answered.
/// </summary>
public sealed class PathRulesFeatureTests(PathRulesBackground background) : IClassFixture<PathRulesBackground>
{
    // Each row: one Scenario of the feature, in its order, by the request it sends (When I send a "GET" request to "http://<host>/<path>").
    [Theory]
    // An Ingress with exact path rules should send traffic to the matching backend service (exact /foo matches request /foo)
    [InlineData("exact-path-rules", "/foo", 200, "foo-exact")]
    // ... should not match requests with trailing slash (exact /foo does not match request /foo/)
    [InlineData("exact-path-rules", "/foo/", 404, null)]
    // ... should be case sensitive (exact /foo does not match request /FOO)
    [InlineData("exact-path-rules", "/FOO", 404, null)]
    // ... should not match any other label (exact /foo does not match request /bar)
    [InlineData("exact-path-rules", "/bar", 404, null)]
    // An Ingress with prefix path rules should send traffic to the matching backend service (prefix /foo matches request /foo)
    [InlineData("prefix-path-rules", "/foo", 200, "foo-prefix")]
    // ... should ignore the request trailing slash and send traffic to the matching backend service (prefix /foo matches request /foo/);
    // the feature has this scenario twice, both rows are this one
    [InlineData("prefix-path-rules", "/foo/", 200, "foo-prefix")]
    // ... should be case sensitive (prefix /foo does not match request /FOO)
    [InlineData("prefix-path-rules", "/FOO", 404, null)]
    // ... should match multiple labels, match the longest path, and send traffic to the matching backend service (prefix /aaa/bbb matches request /aaa/bbb)
    [InlineData("prefix-path-rules", "/aaa/bbb", 200, "aaa-slash-bbb-prefix")]
    // ... should match multiple labels, match the longest path, and subpaths ... (prefix /aaa/bbb matches request /aaa/bbb/ccc)
    [InlineData("prefix-path-rules", "/aaa/bbb/ccc", 200, "aaa-slash-bbb-prefix")]
    // ... should and send traffic to the matching backend service (prefix /aaa matches request /aaa/ccc)
    [InlineData("prefix-path-rules", "/aaa/ccc", 200, "aaa-prefix")]
    // ... should match each labels string prefix (prefix /aaa does not match request /aaaccc)
    [InlineData("prefix-path-rules", "/aaaccc", 404, null)]
    // An Ingress with mixed path rules should send traffic to the matching backend service where Exact is preferred (exact /foo matches request /foo)
    [InlineData("mixed-path-rules", "/foo", 200, "foo-exact")]
    // An Ingress with a trailing slashes in a prefix path rule should ignore the trailing slash ... (prefix /aaa/bbb/ matches request /aaa/bbb)
    [InlineData("trailing-slash-path-rules", "/aaa/bbb", 200, "aaa-slash-bbb-slash-prefix")]
    // ... (prefix /aaa/bbb/ matches request /aaa/bbb/)
    [InlineData("trailing-slash-path-rules", "/aaa/bbb/", 200, "aaa-slash-bbb-slash-prefix")]
    // An Ingress with a trailing slashes in an exact path rule should not match requests without a trailing slash (exact /foo/ does not match request /foo)
    [InlineData("trailing-slash-path-rules", "/foo", 404, null)]
    public async Task PathRule_Request_ReachesTheRightServiceOrGets404(string host, string path, int status, string? service)
    {
        var (request, response) = await background.Cluster.CaptureRoundTripAsync("GET", host, path);

        response.StatusCode.Should().Be(status);
        if (service is not null)
        {
            request.Service.Should().Be(service);
        }
    }
}
