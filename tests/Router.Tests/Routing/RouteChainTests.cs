using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Predicates;
using AwsIntegrations.Router.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace AwsIntegrations.Router.Tests.Routing;

/// <summary>Routes sharing a place: tried by priority, older first on ties, and a lookup falls back to shorter prefixes.</summary>
public sealed class RouteChainTests
{
    [Fact]
    public void Insert_ByPriority_HigherFirstOlderFirstOnTies()
    {
        Route? head = null;
        var plain = Make("plain", 0);
        var canaryOld = Make("canary-old", 1, "Header(\"X-Canary\", \"a\")");
        var canaryYoung = Make("canary-young", 1, "Header(\"X-Canary\", \"b\")");
        var weighted = Make("weighted", 3, "Weight(3)");

        foreach (var route in new[] { plain, canaryOld, canaryYoung, weighted })
        {
            Route.Insert(ref head, route).Should().BeNull();
        }

        Names(head).Should().Equal("weighted", "canary-old", "canary-young", "plain");
    }

    [Fact]
    public void Insert_SameSignature_ReturnsTheRouteHoldingThePlace()
    {
        Route? head = null;
        var first = Make("first", 1, "Method(\"GET\")");
        Route.Insert(ref head, first);

        Route.Insert(ref head, Make("second", 1, "Method(\"GET\")")).Should().BeSameAs(first);
        Names(head).Should().Equal("first");
    }

    [Fact]
    public void Match_LongestPrefixRoutesAllFail_FallsBackToShorterPrefix()
    {
        var routes = new HostRoutes();
        routes.Add(Make("root", 0, match: PathMatch.Prefix, path: "/"));
        routes.Add(Make("api-canary", 1, "Header(\"X-Canary\", \"true\")", new HeaderPredicate("X-Canary", "true", null), PathMatch.Prefix, "/api"));
        var request = Request("/api/orders");

        routes.Match("/api/orders", request)!.IngressName.Should().Be("root", "skipper's path tree backtracks when a leaf's predicates fail");
        request.Headers["X-Canary"] = "true";
        routes.Match("/api/orders", request)!.IngressName.Should().Be("api-canary");
    }

    [Fact]
    public void Match_ExactAndPrefixFail_TriesRoutesWithoutPathTreePlace()
    {
        var routes = new HostRoutes();
        routes.Add(Make("docs", 1, "PathRegexp(/^(\\/docs)/)", PathRegexpPredicate.Prefix("/docs"), PathMatch.None));
        routes.Add(Make("api", 0, match: PathMatch.Prefix, path: "/api"));
        routes.Match("/docsx/a", Request("/docsx/a"))!.IngressName.Should().Be("docs");
        routes.Match("/api/v1", Request("/api/v1"))!.IngressName.Should().Be("api", "the path tree comes first");
        routes.Match("/other", Request("/other")).Should().BeNull();
    }

    private static HttpRequest Request(string path)
    {
        var request = new DefaultHttpContext().Request;
        request.Path = path;
        return request;
    }

    private static List<string> Names(Route? head)
    {
        var names = new List<string>();
        for (var route = head; route is not null; route = route.Next)
        {
            names.Add(route.IngressName);
        }

        return names;
    }

    private static Route Make(string name, int priority, string signature = "", IRequestPredicate? predicate = null, PathMatch match = PathMatch.Prefix, string path = "/") => new()
    {
        IngressNamespace = "default",
        IngressName = name,
        Host = "example.com",
        Path = path,
        Match = match,
        TreePath = match == PathMatch.None ? "" : path,
        Backend = new Backend("default", name, "80", [], false, LoadBalancing.RoundRobin),
        Predicates = predicate is null ? [] : [predicate],
        Priority = priority,
        Signature = signature,
        RequestConfig = ForwarderRequestConfig.Empty,
        Tags = [],
    };
}
