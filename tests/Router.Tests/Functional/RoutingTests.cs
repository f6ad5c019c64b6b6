using System.Net;
using System.Net.Http.Json;
using AwsIntegrations.Testing;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Functional;

/// <summary>The Router as a child process, routing to real Kestrel backends on 127.0.0.x that are endpoints in the emulator.</summary>
public sealed class RoutingTests : IAsyncLifetime
{
    private RouterHarness _router = null!;
    private readonly List<TestBackend> _backends = [];

    public async Task InitializeAsync() => _router = await RouterHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }

    [Fact]
    public async Task Request_HostAndPath_ReachBackendOfMatchingIngress()
    {
        var port = FreePort.Next();
        var shop = await Backend("shop", "127.0.0.2", port);
        var api = await Backend("api", "127.0.0.3", port);
        _router.AddServiceFor("default", "shop", shop);
        _router.AddServiceFor("default", "api", api);
        _router.AddIngress("default", "shop", "shop.example.com", "/", "shop");
        _router.AddIngress("default", "api", "shop.example.com", "/api", "api");
        await _router.WaitForStatusAsync("shop.example.com", "/api/users", HttpStatusCode.OK);

        (await EchoAsync("shop.example.com", "/api/users?x=1")).Should().BeEquivalentTo(new { Backend = "api", Path = "/api/users?x=1" });
        (await EchoAsync("SHOP.example.com.:9999", "/apiary")).Backend.Should().Be("shop");
        using var unknown = await _router.Client.SendAsync(_router.Get("other.example.com", "/"));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Request_ForwardedByTheAlb_KeepsHostProtoAndPortAndAppendsThisHopToFor()
    {
        var web = await Backend("web", "127.0.0.4", FreePort.Next());
        _router.AddServiceFor("default", "web", web);
        _router.AddIngress("default", "web", "web.example.com", "/", "web");
        await _router.WaitForStatusAsync("web.example.com", "/", HttpStatusCode.OK);

        var request = _router.Get("web.example.com", "/hello");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Port", "443");
        request.Headers.Add("Keep-Alive", "timeout=5");
        using var response = await _router.Client.SendAsync(request);
        var echo = (await response.Content.ReadFromJsonAsync<BackendEcho>())!;

        echo.Host.Should().Be("web.example.com");
        echo.Headers["X-Forwarded-For"].Should().Be("203.0.113.7, 127.0.0.1");
        echo.Headers["X-Forwarded-Proto"].Should().Be("https", "applications compare it to \"https\"; the client spoke https to the ALB");
        echo.Headers["X-Forwarded-Host"].Should().Be("web.example.com");
        echo.Headers["X-Forwarded-Port"].Should().Be("443");
        echo.Headers.Should().NotContainKey("Keep-Alive", "hop-by-hop headers are dropped");
    }

    [Fact]
    public async Task Request_WithoutForwardedHeaders_GetsThisHopsValues()
    {
        var web = await Backend("web", "127.0.0.29", FreePort.Next());
        _router.AddServiceFor("default", "web", web);
        _router.AddIngress("default", "web", "direct.example.com", "/", "web");
        await _router.WaitForStatusAsync("direct.example.com", "/", HttpStatusCode.OK);

        using var response = await _router.Client.SendAsync(_router.Get("direct.example.com", "/"));
        var echo = (await response.Content.ReadFromJsonAsync<BackendEcho>())!;

        echo.Headers["X-Forwarded-For"].Should().Be("127.0.0.1");
        echo.Headers["X-Forwarded-Proto"].Should().Be("http");
        echo.Headers["X-Forwarded-Host"].Should().Be("direct.example.com");
        echo.Headers["X-Forwarded-Port"].Should().Be($"{_router.Port}");
    }

    [Fact]
    public async Task Request_ForwardedProtoHttpOnRedirectingIngress_Gets308ToHttps()
    {
        var web = await Backend("web", "127.0.0.5", FreePort.Next());
        _router.AddServiceFor("default", "web", web);
        _router.AddIngress("default", "secure", "secure.example.com", "/", "web", new Dictionary<string, string> { ["aws-integrations.io/redirect-to-https"] = "true" });
        _router.AddIngress("default", "plain", "plain.example.com", "/", "web");
        await _router.WaitForStatusAsync("secure.example.com", "/", HttpStatusCode.OK);

        var request = _router.Get("secure.example.com:80", "/cart?id=7");
        request.Headers.Add("X-Forwarded-Proto", "http");
        using var redirected = await _router.Client.SendAsync(request);
        redirected.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        redirected.Headers.Location.Should().Be(new Uri("https://secure.example.com/cart?id=7"));

        var plain = _router.Get("plain.example.com", "/");
        plain.Headers.Add("X-Forwarded-Proto", "http");
        using var notRedirected = await _router.Client.SendAsync(plain);
        notRedirected.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_ServiceWithoutEndpoints_Gets502NamingIngressAndService()
    {
        _router.AddService("default", "cart");
        _router.AddIngress("default", "cart", "cart.example.com", "/", "cart");
        await _router.WaitForStatusAsync("cart.example.com", "/", HttpStatusCode.BadGateway);

        using var response = await _router.Client.SendAsync(_router.Get("cart.example.com", "/"));
        (await response.Content.ReadAsStringAsync()).Should().Contain("Ingress default/cart").And.Contain("Service default/cart");
    }

    [Fact]
    public async Task Request_EndpointRefusesConnection_RetriedOnAnotherEndpoint()
    {
        var port = FreePort.Next();
        var alive = await Backend("alive", "127.0.0.6", port);
        _router.AddService("default", "web");
        _router.SetEndpoints("default", "web", port, EndpointSpec.ReadyAt("127.0.0.7"), EndpointSpec.ReadyAt("127.0.0.6"));
        _router.AddIngress("default", "web", "retry.example.com", "/", "web");
        await _router.WaitForStatusAsync("retry.example.com", "/", HttpStatusCode.OK);

        for (var i = 0; i < 10; i++)
        {
            using var response = await _router.Client.SendAsync(_router.Get("retry.example.com", "/"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var metrics = await _router.MetricsAsync();
        metrics.Should().Contain("router_upstream_connect_failures_total{").And.Contain("router_retries_total{");
    }

    [Fact]
    public async Task Request_EveryEndpointRefusesConnection_Gets502FromTheRouter()
    {
        // Nothing listens on these: once both refused there is no endpoint left to try, and the client must learn it (a 200 with an
        // empty body was answered here before).
        var port = FreePort.Next();
        _router.AddService("default", "dead");
        _router.SetEndpoints("default", "dead", port, EndpointSpec.ReadyAt("127.0.0.33"), EndpointSpec.ReadyAt("127.0.0.34"));
        _router.AddIngress("default", "dead", "dead.example.com", "/", "dead");
        await Eventually.HoldsAsync(async () => (await _router.MetricsAsync()).Contains("router_routes 1", StringComparison.Ordinal), "the route is loaded");

        for (var i = 0; i < 3; i++)
        {
            using var response = await _router.Client.SendAsync(_router.Get("dead.example.com", "/"));
            response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
            response.Headers.Server.ToString().Should().Be("aws-integrations-router");
        }
    }

    [Fact]
    public async Task Get_EndpointResetsTheConnection_RepeatedOnAnotherEndpoint()
    {
        var port = FreePort.Next();
        await using var dying = new ResettingBackend("127.0.0.30", port);
        await Backend("alive", "127.0.0.31", port);
        _router.AddService("default", "reset");
        _router.SetEndpoints("default", "reset", port, EndpointSpec.ReadyAt("127.0.0.30"), EndpointSpec.ReadyAt("127.0.0.31"));
        _router.AddIngress("default", "reset", "reset.example.com", "/", "reset");
        await Eventually.HoldsAsync(async () => (await _router.MetricsAsync()).Contains("router_routes 1", StringComparison.Ordinal), "the route is loaded");

        for (var i = 0; i < 10; i++)
        {
            using var response = await _router.Client.SendAsync(_router.Get("reset.example.com", "/"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, "a GET that got no response byte is safe to repeat elsewhere");
        }

        dying.Connections.Should().BeGreaterThan(0, "the dying endpoint was tried");
        (await _router.MetricsAsync()).Should().Contain("router_retries_total{");
    }

    [Fact]
    public async Task PostWithBody_EndpointResetsTheConnection_NotRepeated502()
    {
        var port = FreePort.Next();
        await using var dying = new ResettingBackend("127.0.0.32", port);
        _router.AddService("default", "reset-post");
        _router.SetEndpoints("default", "reset-post", port, EndpointSpec.ReadyAt("127.0.0.32"));
        _router.AddIngress("default", "reset-post", "reset-post.example.com", "/", "reset-post");
        await Eventually.HoldsAsync(async () => (await _router.MetricsAsync()).Contains("router_routes 1", StringComparison.Ordinal), "the route is loaded");

        var request = _router.Get("reset-post.example.com", "/orders");
        request.Method = HttpMethod.Post;
        request.Content = new StringContent("order");
        using var response = await _router.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        dying.Connections.Should().Be(1, "a POST the endpoint may have acted on is never sent twice");
    }

    [Fact]
    public async Task PostWithBody_FirstEndpointsRefuse_BodyArrivesWholeAtTheLiveOne()
    {
        var port = FreePort.Next();
        var alive = await Backend("alive", "127.0.0.17", port);
        _router.AddService("default", "post");
        _router.SetEndpoints("default", "post", port,
            EndpointSpec.ReadyAt("127.0.0.18"), EndpointSpec.ReadyAt("127.0.0.19"), EndpointSpec.ReadyAt("127.0.0.20"), EndpointSpec.ReadyAt("127.0.0.17"));
        _router.AddIngress("default", "post", "post.example.com", "/", "post");

        // Wait on the metric, not on a request: a request would eject the dead endpoints before the POST meets them.
        await Eventually.HoldsAsync(async () => (await _router.MetricsAsync()).Contains("router_routes 1", StringComparison.Ordinal), "the route is loaded");

        var request = _router.Get("post.example.com", "/orders");
        request.Method = HttpMethod.Post;
        request.Content = new StringContent(new string('x', 5000));
        using var response = await _router.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var echo = (await response.Content.ReadFromJsonAsync<BackendEcho>())!;
        echo.Headers["Content-Length"].Should().Be("5000");
    }

    [Fact]
    public async Task Endpoints_Change_TakeEffectWithoutRestart()
    {
        var port = FreePort.Next();
        var first = await Backend("first", "127.0.0.8", port);
        var second = await Backend("second", "127.0.0.9", port);
        _router.AddServiceFor("default", "web", first);
        _router.AddIngress("default", "web", "move.example.com", "/", "web");
        await _router.WaitForStatusAsync("move.example.com", "/", HttpStatusCode.OK);

        _router.SetEndpoints("default", "web", port, EndpointSpec.ReadyAt(second.Ip));
        await Eventually.HoldsAsync(async () => (await EchoAsync("move.example.com", "/")).Backend == "second", "traffic moves to the new endpoint");
    }

    [Fact]
    public async Task WebSocket_ThroughRouter_EchoesBothWays()
    {
        var web = await Backend("ws", "127.0.0.10", FreePort.Next());
        _router.AddServiceFor("default", "ws", web);
        _router.AddIngress("default", "ws", "ws.example.com", "/", "ws");
        await _router.WaitForStatusAsync("ws.example.com", "/", HttpStatusCode.OK);

        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.SetRequestHeader("Host", "ws.example.com");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{_router.Port}/ws"), CancellationToken.None);
        await socket.SendAsync("ping"u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[100];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);

        System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count).Should().Be("ws:ping");
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task StreamingResponse_ReachesClientBeforeBackendFinishes()
    {
        var web = await Backend("stream", "127.0.0.11", FreePort.Next());
        _router.AddServiceFor("default", "stream", web);
        _router.AddIngress("default", "stream", "stream.example.com", "/", "stream");
        await _router.WaitForStatusAsync("stream.example.com", "/", HttpStatusCode.OK);

        using var response = await _router.Client.SendAsync(_router.Get("stream.example.com", "/stream"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync()).Should().Be("first", "the first chunk arrives while the backend still holds the response open");
        web.StreamRelease.SetResult();
        (await reader.ReadLineAsync()).Should().Be("last");
    }

    [Fact]
    public async Task Request_HeadersOverLimit_Get431()
    {
        var request = _router.Get("any.example.com", "/");
        request.Headers.Add("X-Big", new string('a', 70_000));
        using var response = await _router.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task Metrics_AfterRequests_CountByRouteAndStatusClass()
    {
        var web = await Backend("web", "127.0.0.12", FreePort.Next());
        _router.AddServiceFor("default", "web", web);
        _router.AddIngress("default", "counted", "count.example.com", "/", "web");
        await _router.WaitForStatusAsync("count.example.com", "/", HttpStatusCode.OK);

        var metrics = await _router.MetricsAsync();
        metrics.Should().MatchRegex("router_requests_total\\{[^}]*ingress=\"default/counted\"[^}]*\\} [1-9]")
            .And.Contain("router_request_duration_seconds_bucket{")
            .And.Contain("router_routes ")
            .And.Contain("router_route_table_last_update_timestamp_seconds");
    }

    private async Task<TestBackend> Backend(string name, string ip, int port)
    {
        var backend = await TestBackend.StartAsync(name, ip, port);
        _backends.Add(backend);
        return backend;
    }

    private async Task<BackendEcho> EchoAsync(string host, string path)
    {
        using var response = await _router.Client.SendAsync(_router.Get(host, path));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<BackendEcho>())!;
    }
}
