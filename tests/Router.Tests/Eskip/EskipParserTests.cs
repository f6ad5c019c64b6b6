using AwsIntegrations.Router.Eskip;

namespace AwsIntegrations.Router.Tests.Eskip;

/// <summary>The eskip grammar, on the examples of skipper's own parser tests (eskip/parser_test.go, eskip/eskip_test.go).</summary>
public sealed class EskipParserTests
{
    // eskip/parser_test.go singleRouteExample and routingDocumentExample.
    private const string SingleRoute = """
        PathRegexp(/\.html$/) && Header("Accept", "text/html") ->
        modPath(/\.html$/, ".jsx") ->
        requestHeader("X-Type", "page") ->
        "https://render.example.com"
        """;

    [Fact]
    public void ParseRoutes_SingleRouteWithoutId_ReadsPredicatesFiltersAndBackend()
    {
        var route = EskipParser.ParseRoutes(SingleRoute).Single();

        route.Id.Should().BeEmpty();
        route.Predicates.Select(p => p.ToString()).Should().Equal("PathRegexp(/\\.html$/)", "Header(\"Accept\", \"text/html\")");
        route.Predicates[0].Arguments[0].Should().Be(new EskipArgument(ArgumentKind.Regexp, "\\.html$", 0));
        route.Filters.Select(f => f.Name).Should().Equal("modPath", "requestHeader");
        route.Filters[0].Arguments.Select(a => a.Text).Should().Equal("\\.html$", ".jsx");
        route.Backend.Should().Be(new EskipBackend(BackendKind.Network, "https://render.example.com"));
    }

    [Fact]
    public void ParseRoutes_Document_ReadsEveryDefinition()
    {
        var routes = EskipParser.ParseRoutes("route0: " + SingleRoute + """
            ;

            route1: Path("/some/path") -> "https://backend-0.example.com";
            route2: Path("/some/other/path") -> fixPath() -> "https://backend-1.example.com";

            route3:
                Method("POST") && Path("/api") ->
                requestHeader("X-Type", "ajax-post") ->
                "https://api.example.com";

            catchAll: * -> "https://www.example.org";
            catchAllWithCustom: * && Custom() -> "https://www.example.org"
            """);

        routes.Select(r => r.Id).Should().Equal("route0", "route1", "route2", "route3", "catchAll", "catchAllWithCustom");
        routes[4].Predicates.Should().BeEmpty("* matches everything");
        routes[5].Predicates.Select(p => p.Name).Should().Equal("Custom");
        routes[2].Filters.Single().ToString().Should().Be("fixPath()");
    }

    [Fact]
    public void ParseRoutes_SpecialBackendsAndLoadBalancedList_AreRead()
    {
        var routes = EskipParser.ParseRoutes("""
            a: * -> setRequestHeader("X-Foo", "bar") -> <shunt>;
            b: * -> <loopback>;
            c: * -> <dynamic>;
            d: * -> <forward>;
            e: * -> <roundRobin, "http://10.2.9.103:8080", "http://10.2.9.104:8080">;
            """);

        routes.Select(r => r.Backend.Kind).Should().Equal(BackendKind.Shunt, BackendKind.Loopback, BackendKind.Dynamic, BackendKind.Forward, BackendKind.LoadBalanced);
        routes[4].Backend.Algorithm.Should().Be("roundRobin");
        routes[4].Backend.Endpoints.Should().Equal("http://10.2.9.103:8080", "http://10.2.9.104:8080");
    }

    [Fact]
    public void ParseRoutes_EscapesInStrings_AreSkippersOnes()
    {
        // eskip/parser_test.go TestParsingSpecialChars
        var route = EskipParser.ParseRoutes("Path(\"newlines\") -> inlineContent(\"Line \\ \\1\\nLine 2\\r\\nLine 3\\a\\b\\f\\n\\r\\t\\v\") -> <shunt>").Single();

        route.Filters[0].Arguments[0].Text.Should().Be("Line \\ \\1\nLine 2\r\nLine 3\a\b\f\n\r\t\v");
    }

    [Theory]
    // eskip/eskip_test.go TestParse: the syntax and argument errors and their wording.
    [InlineData("fooId: * -> #", "parse failed after token ->, last route id: fooId, position 12: syntax error")]
    [InlineData("r1: Path(\"/foo\") -> <shunt>; r2: Path(\"/bar\") -> #", "parse failed after token ->, last route id: r2, position 49: syntax error")]
    [InlineData("* -> #", "parse failed after token ->, position 5: syntax error")]
    [InlineData("Path(\"/endpoint\") && Method(\"GET\", \"POST\") -> \"https://www.example.org\"", "invalid route \"\": Method predicate expects 1 string argument")]
    [InlineData("foo: Path(\"/endpoint\") && Header(\"Foo\") -> \"https://www.example.org\";", "invalid route \"foo\": Header predicate expects 2 string arguments")]
    [InlineData("Path(\"/one\") && Path(\"/two\") -> \"https://www.example.org\"", "invalid route \"\": duplicate path tree predicate")]
    [InlineData("Method(\"HEAD\") && Method(\"GET\") -> \"https://www.example.org\"", "invalid route \"\": duplicate method predicate")]
    public void ParseRoutes_Invalid_FailsWithSkippersMessage(string code, string message)
    {
        var parse = () => EskipParser.ParseRoutes(code);

        parse.Should().Throw<EskipSyntaxException>().WithMessage(message);
    }

    [Fact]
    public void ParseRoutes_MissingSemicolonBetweenDefinitions_Fails()
    {
        var parse = () => EskipParser.ParseRoutes("""
            route0: Method("GET") -> "https://backend-0.example.com"
            route1: Method("POST") -> "https://backend-1.example.com"
            """);

        parse.Should().Throw<EskipSyntaxException>();
    }

    [Fact]
    public void ParseRoutes_TrailingComment_IsIgnored() =>
        EskipParser.ParseRoutes("route: Any() -> <shunt>; // some comment").Single().Id.Should().Be("route");

    [Theory]
    // eskip/eskip_test.go TestParseFilters
    [InlineData(" \t", "")]
    [InlineData("filter1(3.14) -> filter2(\"key\", 42)", "filter1(3.14) -> filter2(\"key\", 42)")]
    [InlineData("filter1(-42, -3.14)", "filter1(-42, -3.14)")]
    [InlineData("// a comment", "")]
    [InlineData("filter1(3.14) -> filter2(\"key\", 42) // a trailing comment", "filter1(3.14) -> filter2(\"key\", 42)")]
    [InlineData("// a comment on a separate line\n filter1(3.14) -> filter2(\"key\", 42)", "filter1(3.14) -> filter2(\"key\", 42)")]
    public void ParseFilters_Valid_ReadsTheChain(string code, string expected) =>
        string.Join(" -> ", EskipParser.ParseFilters(code)).Should().Be(expected);

    [Theory]
    [InlineData("trallala", "parse failed after token trallala, position 8: syntax error")]
    [InlineData("foo-bar", "parse failed after token foo, position 3: syntax error")]
    [InlineData("f(-)", null)]
    [InlineData("f(-.)", null)]
    [InlineData("f(-x)", null)]
    public void ParseFilters_Invalid_Fails(string code, string? message)
    {
        var parse = () => EskipParser.ParseFilters(code);

        var thrown = parse.Should().Throw<EskipSyntaxException>();
        if (message is not null)
        {
            thrown.WithMessage(message);
        }
    }

    [Fact]
    public void ParsePredicates_Annotation_ReadsEachAndDropsTheStar()
    {
        // docs/kubernetes/ingress-usage.md (Feature Toggle) and dataclients/kubernetes/testdata/ingressV1/ingress-data/no-redirect-for-proto-https-routes.yaml
        EskipParser.ParsePredicates("QueryParam(\"version\", \"^alpha$\")").Single().Arguments.Should().Equal(
            EskipArgument.Of("version"), EskipArgument.Of("^alpha$"));
        EskipParser.ParsePredicates("Weight(3) && Path(\"/api/registered-applications\") && Method(\"POST\") && Header(\"X-Forwarded-Proto\", \"https\")")
            .Select(p => p.Name).Should().Equal("Weight", "Path", "Method", "Header");
        EskipParser.ParsePredicates("* && True()").Select(p => p.Name).Should().Equal("True");
        EskipParser.ParsePredicates("  ").Should().BeEmpty();
    }

    [Fact]
    public void ParsePredicates_RegexpWithSlashInClassOrEscaped_KeepsIt()
    {
        var predicates = EskipParser.ParsePredicates(@"PathRegexp(/^\/foo\/bar/) && PathRegexp(/a[/]b/) && Traffic(.1, ""flavor"", ""A"")");

        predicates[0].Arguments[0].Text.Should().Be("^/foo/bar");
        predicates[1].Arguments[0].Text.Should().Be("a[/]b");
        predicates[2].Arguments.Select(a => a.Kind).Should().Equal(ArgumentKind.Number, ArgumentKind.String, ArgumentKind.String);
        predicates[2].Arguments[0].Number.Should().Be(0.1);
    }
}
