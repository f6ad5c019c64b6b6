using System.Net;
using System.Text.Json;
using AwsIntegrations.Router.Tests.Support;

namespace AwsIntegrations.Router.Tests.Hostile;

/// <summary>
/// Requests an attacker sends through the ALB, written byte for byte on a socket. Each case states what the Router must do and
/// why (the RFC section or the attack). Malformed framing is refused by Kestrel before the Router's code runs: those cases
/// prove the answer, that nothing reached a backend, and that the Router keeps serving.
/// </summary>
public sealed class HostileRequestTests(HostileBackground background) : IClassFixture<HostileBackground>
{
    private RouterHarness Router => background.Router;

    // RFC 9110 7.6.1: a proxy removes the fields the Connection header names before forwarding. The hop-by-hop header attack
    // names a field a proxy adds (X-Forwarded-For) or an application trusts (X-Secret) to have it stripped or smuggled through.
    // Kestrel keeps only "keep-alive" of "keep-alive, X-Secret, X-Forwarded-For": the Router reads the header as received.
    [Fact]
    public async Task ConnectionHeader_NamedFields_AreNotForwardedAndThisHopsForwardedForStays()
    {
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync("GET /public/hop HTTP/1.1\r\nHost: web.example.com\r\nConnection: keep-alive, X-Secret, X-Forwarded-For\r\n" +
                                   "X-Secret: s3cret\r\nX-Forwarded-For: 10.0.0.1\r\n\r\n");
        var first = Echo(await connection.ReadResponseAsync());

        first.Headers.Should().NotContainKey("X-Secret");
        first.Headers.Should().NotContainKey("Connection");
        first.Headers["X-Forwarded-For"].Should().Be("127.0.0.1", "the client's own entry was named hop-by-hop; the peer is this hop's");

        // The next request on the same connection names nothing: its X-Secret is an ordinary field again.
        await connection.SendAsync("GET /public/hop HTTP/1.1\r\nHost: web.example.com\r\nX-Secret: s3cret\r\n\r\n");
        Echo(await connection.ReadResponseAsync()).Headers["X-Secret"].Should().Be("s3cret");

        // Field lines of one field are one list (RFC 9110 5.3).
        await connection.SendAsync("GET /public/hop HTTP/1.1\r\nHost: web.example.com\r\nConnection: keep-alive\r\nConnection: X-Secret\r\nX-Secret: s3cret\r\n\r\n");
        Echo(await connection.ReadResponseAsync()).Headers.Should().NotContainKey("X-Secret");

        await connection.SendAsync("GET /public/hop HTTP/1.1\r\nHost: web.example.com\r\nConnection: close, X-Forwarded-Proto\r\nX-Forwarded-Proto: https\r\n\r\n");
        Echo(await connection.ReadResponseAsync()).Headers["X-Forwarded-Proto"].Should().Be("http", "a named X-Forwarded-Proto is replaced by this hop's scheme");
    }

    // RFC 9112 6.3 (3): with both Transfer-Encoding and Content-Length, Transfer-Encoding decides the body, and the server MUST close
    // the connection after answering. Request smuggling (CL.TE / TE.CL) hides a second request in what one side reads as body:
    // here "GET / Host: admin.example.com" must never be answered or reach admin.
    [Theory]
    [InlineData("Content-Length: 47\r\nTransfer-Encoding: chunked")]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 3")]
    public async Task ContentLengthWithTransferEncoding_ChunkedDecidesAndTheConnectionCloses(string framing)
    {
        var admin = background.Admin.Requests;
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync($"POST /public/upload HTTP/1.1\r\nHost: web.example.com\r\n{framing}\r\n\r\n" +
                                   "5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: admin.example.com\r\n\r\n");
        var response = await connection.ReadResponseAsync();

        response!.Status.Should().Be(200);
        response.Header("Connection").Should().Be("close");
        var echo = Echo(response);
        echo.Body.Should().Be("hello", "the chunked body, not Content-Length's count of bytes");
        echo.Headers.Should().NotContainKey("Content-Length");
        (await connection.ReadResponseAsync(TimeSpan.FromSeconds(10))).Should().BeNull("the rest was never read as a request");
        background.Admin.Requests.Should().Be(admin);
    }

    // Framing that two parsers could read differently is refused with 400 and the connection closed, before any backend sees it.
    [Theory]
    // RFC 9112 6.3 (5): differing Content-Lengths are unrecoverable; Kestrel also refuses repeated equal ones (allowed to).
    [InlineData("Content-Length: 3\r\nContent-Length: 5\r\n")]
    [InlineData("Content-Length: 5\r\nContent-Length: 5\r\n")]
    [InlineData("Content-Length: 5, 5\r\n")]
    // RFC 9112 6.3 (4): chunked not the final coding (TE.TE obfuscation: one side ignores "xchunked", the other does not).
    [InlineData("Transfer-Encoding: xchunked\r\n")]
    [InlineData("Transfer-Encoding: chunked, identity\r\n")]
    // RFC 9112 5.1: whitespace between field name and colon MUST be rejected ("Transfer-Encoding : chunked" read by one parser only).
    [InlineData("Transfer-Encoding : chunked\r\nContent-Length: 5\r\n")]
    // RFC 9112 5.2: obs-fold (a line starting with a space continues the previous field) MUST be rejected or replaced.
    [InlineData("Content-Length: 5\r\nX-Folded: one\r\n two\r\n")]
    // RFC 9110 5.5: CR, LF and NUL are never valid in a field value (header injection into the forwarded request).
    [InlineData("Content-Length: 5\r\nX-Injected: a\rTransfer-Encoding: chunked\r\n")]
    [InlineData("Content-Length: 5\r\nX-Injected: a\0b\r\n")]
    public async Task AmbiguousFraming_Gets400_AndReachesNoBackend(string fields)
    {
        var reached = background.Public.Requests + background.Admin.Requests;
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync($"POST /public/upload HTTP/1.1\r\nHost: web.example.com\r\n{fields}\r\nhello");

        var response = await connection.ReadResponseAsync();

        response!.Status.Should().Be(400);
        (await connection.ClosedAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        (background.Public.Requests + background.Admin.Requests).Should().Be(reached);
        await ServesAsync();
    }

    // RFC 9112 3.2.2: with an absolute-form target the authority is the target's, not Host's. Routing by one while the application
    // reads the other is a routing bypass and a cache-poisoning vector: a mismatch is refused (Kestrel: 400).
    [Fact]
    public async Task AbsoluteFormTarget_HostDiffersFromHostHeader_Gets400()
    {
        var admin = background.Admin.Requests;
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync("GET http://admin.example.com/ HTTP/1.1\r\nHost: web.example.com\r\n\r\n");

        (await connection.ReadResponseAsync())!.Status.Should().Be(400);
        background.Admin.Requests.Should().Be(admin);
    }

    // The same target with a matching Host is an ordinary request: routed by that host and forwarded in origin form.
    [Fact]
    public async Task AbsoluteFormTarget_SameHost_IsForwardedInOriginForm()
    {
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync("GET http://web.example.com/public/absolute?q=1 HTTP/1.1\r\nHost: web.example.com\r\n\r\n");

        var echo = Echo(await connection.ReadResponseAsync());
        echo.Backend.Should().Be("public");
        echo.Path.Should().Be("/public/absolute?q=1");
        echo.Host.Should().Be("web.example.com");
    }

    // RFC 9112 3.2: a request with more than one Host field line, or none, MUST get 400: which host a proxy routes by and which
    // the application reads would otherwise be anyone's guess.
    [Theory]
    [InlineData("Host: web.example.com\r\nHost: admin.example.com\r\n")]
    [InlineData("Host: admin.example.com\r\nHost: web.example.com\r\n")]
    [InlineData("")]
    [InlineData("Host: web.example.com/../admin\r\n")]
    public async Task DuplicateMissingOrInvalidHost_Gets400(string hostFields)
    {
        var reached = background.Public.Requests + background.Admin.Requests;
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync($"GET /public/host HTTP/1.1\r\n{hostFields}\r\n");

        (await connection.ReadResponseAsync())!.Status.Should().Be(400);
        (background.Public.Requests + background.Admin.Requests).Should().Be(reached);
    }

    // RFC 3986 5.2.4: dot-segments are removed before the path is used, and %2E is ".". web.example.com exposes only /public: a
    // request that climbs out of it is routed by the path it really names (/admin: no route, 404) and never reaches the public
    // pods, which would serve their own /admin (path confusion between a proxy's prefix check and the application's normalizing).
    [Theory]
    [InlineData("/public/../admin")]
    [InlineData("/public/%2e%2e/admin")]
    [InlineData("/public/%2E%2E/admin")]
    [InlineData("/public/.%2e/admin")]
    [InlineData("/public/%2e./admin")]
    [InlineData("/public/./../admin")]
    [InlineData("/public/x/../../admin")]
    public async Task DotSegments_LeavingThePrefix_Get404AndReachNoBackend(string target)
    {
        var reached = background.Public.Requests;
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync($"GET {target} HTTP/1.1\r\nHost: web.example.com\r\n\r\n");

        (await connection.ReadResponseAsync())!.Status.Should().Be(404);
        background.Public.Requests.Should().Be(reached);
    }

    // What is routed is what is forwarded: dot-segments inside the prefix are resolved once, by the Router, and the pod gets that path.
    [Theory]
    [InlineData("/public/a/../b", "/public/b")]
    [InlineData("/public/%2e/b", "/public/b")]
    public async Task DotSegments_InsideThePrefix_AreForwardedResolved(string target, string forwarded)
    {
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync($"GET {target} HTTP/1.1\r\nHost: web.example.com\r\n\r\n");

        Echo(await connection.ReadResponseAsync()).Path.Should().Be(forwarded);
    }

    // An encoded slash is not a path separator (Kestrel leaves %2F encoded): "..%2Fadmin" is one segment under /public, never a
    // climb out of it. YARP re-encodes its '%' (dotnet/yarp#1419), so the pod sees %252F: the meaning changes, the prefix does not.
    [Fact]
    public async Task EncodedSlash_StaysOneSegmentInsideThePrefix()
    {
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync("GET /public/..%2Fadmin HTTP/1.1\r\nHost: web.example.com\r\n\r\n");

        var echo = Echo(await connection.ReadResponseAsync());
        echo.Backend.Should().Be("public");
        echo.Path.Should().StartWith("/public/").And.NotContain("/admin");
    }

    // RFC 9110 15.5.15 and RFC 6585 5: a request line or header block past the limits (Kestrel's 8 KiB request line and 100 fields,
    // --max-request-header-bytes) gets 414 or 431 at once instead of being buffered (memory exhaustion), and the Router keeps serving.
    [Theory]
    [InlineData(9_000, 1, 0, 414)]
    [InlineData(10, 1, HostileBackground.MaxHeaderBytes + 1, 431)]
    [InlineData(10, 101, 0, 431)]
    public async Task OversizeRequestLineOrHeaders_GetsAClear4xx_AndTheRouterKeepsServing(int pathLength, int fieldCount, int fieldBytes, int status)
    {
        var reached = background.Public.Requests;
        var fields = string.Concat(Enumerable.Range(0, fieldCount).Select(i => $"X-Field-{i}: {new string('v', Math.Max(1, fieldBytes))}\r\n"));
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync($"GET /public/{new string('a', pathLength)} HTTP/1.1\r\nHost: web.example.com\r\n{fields}\r\n");

        (await connection.ReadResponseAsync())!.Status.Should().Be(status);
        background.Public.Requests.Should().Be(reached);
        await ServesAsync();
    }

    // h2c smuggling (Bishop Fox, 2020): "Upgrade: h2c" passed on lets the client speak HTTP/2 straight to the pod, past the proxy's
    // routing. The Router forwards neither Upgrade nor HTTP2-Settings for h2c and answers the request as HTTP/1.1.
    [Fact]
    public async Task UpgradeToH2c_IsNotForwarded()
    {
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync("GET /public/h2c HTTP/1.1\r\nHost: web.example.com\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n" +
                                   "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
        var response = await connection.ReadResponseAsync();

        response!.Status.Should().Be(200);
        var echo = Echo(response);
        echo.Headers.Should().NotContainKeys("Upgrade", "HTTP2-Settings", "Connection");
    }

    // X-Forwarded-For is a list anyone can write to: the Router keeps every entry it received (field lines joined in order, RFC
    // 9110 5.3) and appends the peer it really saw, so the last entry is the one no client can forge (skipper's SourceFromLast).
    [Fact]
    public async Task XForwardedForChain_KeepsTheEntriesAndAppendsTheRealPeerLast()
    {
        await using var connection = await RawConnection.OpenAsync(Router.Port);
        await connection.SendAsync("GET /public/xff HTTP/1.1\r\nHost: web.example.com\r\nX-Forwarded-For: 203.0.113.7, 198.51.100.2\r\n" +
                                   "X-Forwarded-For: 192.0.2.1\r\nX-Forwarded-For: not-an-address\r\n\r\n");

        Echo(await connection.ReadResponseAsync()).Headers["X-Forwarded-For"].Should().Be("203.0.113.7, 198.51.100.2, 192.0.2.1, not-an-address, 127.0.0.1");
    }

    private static BackendEcho Echo(RawResponse? response)
    {
        response.Should().NotBeNull();
        response!.Status.Should().Be(200, response.Body);
        return JsonSerializer.Deserialize<BackendEcho>(response.Body)!;
    }

    private async Task ServesAsync()
    {
        using var response = await Router.Client.SendAsync(Router.Get("web.example.com", "/public/after"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the Router keeps serving");
    }
}
