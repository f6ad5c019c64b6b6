using Microsoft.AspNetCore.Http;
using AwsIntegrations.Router.Eskip;
using AwsIntegrations.Router.Filters;
using AwsIntegrations.Router.Routing;

namespace AwsIntegrations.Router.Tests.Filters;

/// <summary>Filters compiled from eskip and run on a request, with examples from skipper's docs/reference/filters.md.</summary>
public sealed class FilterChainTests
{
    [Theory]
    // docs/reference/filters.md redirectTo: what the location leaves out comes from the request, the scheme defaults to https.
    [InlineData("redirectTo(302, \"/foo/newBar\")", 302, "https://shop.example.org/foo/newBar?a=1")]
    [InlineData("redirectTo(301)", 301, "https://shop.example.org/foo/bar?a=1")]
    [InlineData("redirectTo(308, \"https://somewhere.example.org/another/path\")", 308, "https://somewhere.example.org/another/path?a=1")]
    [InlineData("redirectTo(308, \"https:\")", 308, "https://shop.example.org/foo/bar?a=1")]
    [InlineData("redirectTo(307, \"https://outage.example.org/?b=2\")", 307, "https://outage.example.org/?b=2")]
    public void RedirectTo_Location_CompletedFromTheRequest(string filter, int status, string location)
    {
        var context = Run(filter, Request("shop.example.org", "/foo/bar", "?a=1"));

        context.Served.Should().BeTrue();
        context.Response.StatusCode.Should().Be(status);
        context.Response.Headers.Location.ToString().Should().Be(location);
    }

    [Fact]
    public void StatusThenInlineContent_StatusAppliesInTheResponsePhase()
    {
        // docs/reference/filters.md inlineContent: * -> status(418) -> inlineContent("Would you like a cup of tea?") -> <shunt>
        var context = Run("status(418) -> inlineContent(\"Would you like a cup of tea?\")", Request("a.example.org", "/"));

        context.Response.StatusCode.Should().Be(418);
        context.Response.ContentType.Should().Be("text/plain; charset=utf-8");
        System.Text.Encoding.UTF8.GetString(context.Body.Span).Should().Be("Would you like a cup of tea?");
    }

    [Fact]
    public void InlineContentThenStatus_LaterFiltersDoNotRun()
    {
        // skipper's proxy stops the request phase at a filter that serves; only the filters that ran get a response phase.
        var context = Run("inlineContent(\"<html><body>hello</body></html>\") -> status(503)", Request("a.example.org", "/"));

        context.Response.StatusCode.Should().Be(200);
        context.Response.ContentType.Should().Be("text/html; charset=utf-8");
    }

    [Fact]
    public void HeaderFilters_TemplatesResolvedOrHeaderLeftAlone()
    {
        var request = Request("shop.example.org", "/cart", "?id=7");
        request.Headers["User-Agent"] = "curl";
        var context = Run("""
            setRequestHeader("X-Original-Host", "${request.host}") -> appendRequestHeader("X-Trace", "${request.query.id}")
            -> setRequestHeader("X-Missing", "${request.header.X-Nope}") -> dropRequestHeader("User-Agent")
            -> setResponseHeader("X-Path", "${request.path}")
            """, request);

        request.Headers["X-Original-Host"].ToString().Should().Be("shop.example.org");
        request.Headers["X-Trace"].ToString().Should().Be("7");
        request.Headers.Should().NotContainKey("X-Missing", "a placeholder that resolves to nothing leaves the header alone");
        request.Headers.Should().NotContainKey("User-Agent");
        context.Response.Headers["X-Path"].ToString().Should().Be("/cart");
    }

    [Theory]
    // docs/reference/filters.md modPath and setPath examples
    [InlineData("modPath(\"^/api/(.*)/v2$\", \"/$1\")", "/api/orders/v2", "/orders")]
    [InlineData("modPath(\"/api\", \"/\")", "/api", "/")]
    [InlineData("modPath(\"/base\", \"/new/base\")", "/base/x", "/new/base/x")]
    [InlineData("setPath(\"/newPath/\")", "/old", "/newPath/")]
    [InlineData("setPath(\"/v2${request.path}\")", "/user/1", "/v2/user/1")]
    public void PathFilters_RewriteThePathSentOn(string filter, string path, string expected)
    {
        var request = Request("a.example.org", path, "?q=1");

        Run(filter, request);

        request.Path.Value.Should().Be(expected);
        request.QueryString.Value.Should().Be("?q=1");
    }

    [Theory]
    [InlineData("consecutiveBreaker(15)", FilterCompiler.UnknownFilter)]
    [InlineData("Method(\"GET\")", FilterCompiler.UnknownFilter)]
    [InlineData("status(\"ok\")", FilterCompiler.InvalidFilter)]
    [InlineData("clientRatelimit(10)", FilterCompiler.InvalidFilter)]
    [InlineData("modPath(\"(\", \"/\")", FilterCompiler.InvalidFilter)]
    public void TryCreate_UnknownOrBadArguments_Refused(string filter, string reason)
    {
        var call = EskipParser.ParseFilters(filter).Single();

        FilterCompiler.TryCreate(call, new BuildState(), "default/app", out _, out var problem).Should().BeFalse();
        problem!.Reason.Should().Be(reason);
    }

    [Fact]
    public void ClientRatelimit_OverTheLimit_Answers429WithSkippersHeaders()
    {
        // docs/kubernetes/ingress-usage.md Client Ratelimits: clientRatelimit(20, "1h"), per client by X-Forwarded-For.
        var state = new BuildState();
        var filters = Compile("clientRatelimit(2, \"1h\")", state);
        FilterContext? last = null;
        for (var i = 0; i < 3; i++)
        {
            var request = Request("a.example.org", "/login");
            request.Headers["X-Forwarded-For"] = "203.0.113.7, 10.0.0.1";
            last = new FilterContext(request.HttpContext);
            last.RunRequestFilters(filters);
            last.Served.Should().Be(i == 2);
        }

        last!.Response.StatusCode.Should().Be(429);
        last.Response.Headers["X-Rate-Limit"].ToString().Should().Be("2", "the limit per hour");
        int.Parse(last.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(3590, 3600);

        var other = new FilterContext(Request("a.example.org", "/login").HttpContext);
        other.Request.Headers["X-Forwarded-For"] = "198.51.100.1";
        other.RunRequestFilters(Compile("clientRatelimit(2, \"1h\")", state));
        other.Served.Should().BeFalse("another client has its own count, in the same limiter after a rebuild");
    }

    private static FilterContext Run(string chain, HttpRequest request)
    {
        var context = new FilterContext(request.HttpContext);
        context.RunRequestFilters(Compile(chain, new BuildState()));
        context.RunResponseFilters();
        return context;
    }

    private static RouteFilter[] Compile(string chain, BuildState state) =>
        [.. EskipParser.ParseFilters(chain).Select(call =>
            FilterCompiler.TryCreate(call, state, "default/app", out var filter, out var problem) ? filter! : throw new InvalidOperationException(problem!.Message))];

    private static HttpRequest Request(string host, string path, string query = "")
    {
        var request = new DefaultHttpContext().Request;
        request.Host = new HostString(host);
        request.Path = path;
        request.QueryString = new QueryString(query.Length > 0 ? query : null);
        return request;
    }
}
