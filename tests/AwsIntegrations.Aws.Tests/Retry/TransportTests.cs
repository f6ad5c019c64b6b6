using System.Diagnostics.Metrics;
using AwsIntegrations.Hosting.Metrics;

namespace AwsIntegrations.Aws.Tests.Retry;

/// <summary>The shared pipeline (sign, send, retry, classify, record) driven through the emulator's STS Query endpoint.</summary>
public sealed class TransportTests : IAsyncLifetime
{
    private TestAws _aws = null!;

    public async Task InitializeAsync() => _aws = await TestAws.StartAsync();

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    private Task<AwsResponse> CallerIdentityAsync(AwsTransport? transport = null) =>
        (transport ?? _aws.Transport).SendAsync(AwsService.Sts, "GetCallerIdentity", AwsProtocol.Query,
            new QueryForm("GetCallerIdentity", "2011-06-15").ToRequest(), CancellationToken.None);

    [Fact]
    public async Task SendAsync_TwoServerErrorsThenSuccess_RetriesAndSucceeds()
    {
        _aws.Emulator.Faults.FailNext("sts", "GetCallerIdentity", 2, "InternalFailure", 500);

        var response = await CallerIdentityAsync();

        response.StatusCode.Should().Be(200);
        _aws.Calls.Of("sts", "GetCallerIdentity").Select(c => c.Result).Should().Equal("InternalFailure", "InternalFailure", "Success");
    }

    [Fact]
    public async Task SendAsync_NonRetryableError_FailsAtOnceWithTypedError()
    {
        _aws.Emulator.Faults.FailWith("sts", "GetCallerIdentity", "AccessDenied", 403);

        var act = () => CallerIdentityAsync();

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("AccessDenied");
        error.StatusCode.Should().Be(403);
        error.Attempts.Should().Be(1);
        error.RequestId.Should().NotBeNullOrEmpty();
        error.Service.Should().Be("STS");
        _aws.Calls.Count("sts", "GetCallerIdentity").Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_PersistentServerError_GivesUpAfterMaxAttempts()
    {
        _aws.Emulator.Faults.FailWith("sts", null, "ServiceUnavailable", 503);

        var act = () => CallerIdentityAsync();

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("ServiceUnavailable");
        error.Attempts.Should().Be(3);
        _aws.Calls.Count("sts", "GetCallerIdentity").Should().Be(3);
    }

    [Fact]
    public async Task SendAsync_NothingListens_RetriesThenRequestFailed()
    {
        var port = AwsIntegrations.Testing.FreePort.Next();
        using var http = new HttpClient();
        var transport = new AwsTransport(http, new StaticCredentialsProvider(Emulators.Aws.AwsEmulator.DefaultCredentials),
            new EndpointResolver("eu-central-1", $"http://127.0.0.1:{port}", _ => null), TestAws.FastOptions());

        var act = () => CallerIdentityAsync(transport);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("RequestFailed");
        error.StatusCode.Should().Be(0);
        error.Attempts.Should().Be(3);
        error.InnerException.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task SendAsync_RetryQuotaExhausted_StopsRetrying()
    {
        var options = TestAws.FastOptions();
        options.RetryQuota = 5;
        var transport = new AwsTransport(_aws.Http, new StaticCredentialsProvider(Emulators.Aws.AwsEmulator.DefaultCredentials), _aws.Endpoints, options);
        _aws.Emulator.Faults.FailWith("sts", null, "InternalFailure", 500);

        var act = () => CallerIdentityAsync(transport);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Attempts.Should().Be(2, "the quota paid for one retry only");
        transport.Quota.Available.Should().Be(0);
    }

    [Fact]
    public async Task SendAsync_GarbageErrorBody_StillTypedByStatus()
    {
        _aws.Emulator.Faults.FailWith("sts", null, "InternalFailure", 500);
        _aws.Options.MaxAttempts = 1;
        var transport = new AwsTransport(_aws.Http, new StaticCredentialsProvider(Emulators.Aws.AwsEmulator.DefaultCredentials), _aws.Endpoints, _aws.Options);

        var act = () => CallerIdentityAsync(transport);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.Code.Should().Be("InternalFailure");
        ErrorParser.Parse(AwsProtocol.Query, 502, "<html>bad gateway</html"u8.ToArray(), "rid").Should().Be(new AwsError("ServiceUnavailable", "HTTP 502 without an AWS error body", "rid"));
    }

    [Fact]
    public async Task SendAsync_RecordsCallsThrottlesAndDurations()
    {
        var seen = new List<(string Name, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MeterNames.Aws)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (seen)
            {
                seen.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();
        _aws.Emulator.Faults.FailNext("sts", "GetCallerIdentity", 1, "Throttling", 400);

        await CallerIdentityAsync();

        lock (seen)
        {
            seen.Where(s => s.Name == "aws_api_calls" && (string?)s.Tags["operation"] == "GetCallerIdentity").Select(s => (string?)s.Tags["result"])
                .Should().Equal("throttled", "success");
            seen.Should().Contain(s => s.Name == "aws_api_throttled" && (string?)s.Tags["service"] == "sts");
        }
    }

    [Theory]
    [InlineData("Throttling", 400)]
    [InlineData("ThrottlingException", 400)]
    [InlineData("RequestLimitExceeded", 503)]
    [InlineData("TooManyRequestsException", 429)]
    [InlineData("PriorRequestNotComplete", 400)]
    [InlineData("InternalFailure", 500)]
    [InlineData("ServiceUnavailable", 503)]
    [InlineData("BadGateway", 502)]
    [InlineData("GatewayTimeout", 504)]
    public async Task SendAsync_RetryableError_IsRetriedOnce(string code, int status)
    {
        _aws.Emulator.Faults.FailNext("sts", "GetCallerIdentity", 1, code, status);

        await CallerIdentityAsync();

        _aws.Calls.Of("sts", "GetCallerIdentity").Select(c => c.Result).Should().Equal(code, "Success");
    }

    [Theory]
    [InlineData("AccessDenied", 403)]
    [InlineData("ValidationError", 400)]
    [InlineData("InvalidClientTokenId", 403)]
    [InlineData("ResourceNotFound", 404)]
    [InlineData("ExpiredToken", 400)]
    public async Task SendAsync_NonRetryableError_IsNotRetried(string code, int status)
    {
        _aws.Emulator.Faults.FailNext("sts", "GetCallerIdentity", 1, code, status);

        var act = () => CallerIdentityAsync();

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be(code);
        error.StatusCode.Should().Be(status);
        _aws.Calls.Count("sts", "GetCallerIdentity").Should().Be(1);
    }

    [Fact]
    public async Task SendAsync_SlowAnswer_TimesOutAndRetries()
    {
        _aws.Options.RequestTimeoutSeconds = 0.2;
        var transport = new AwsTransport(_aws.Http, new StaticCredentialsProvider(Emulators.Aws.AwsEmulator.DefaultCredentials), _aws.Endpoints, _aws.Options);
        var slow = _aws.Emulator.Faults.AddLatency("sts", "GetCallerIdentity", TimeSpan.FromSeconds(2));
        slow.Remaining = null;

        var act = () => CallerIdentityAsync(transport);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Code.Should().Be("RequestTimeout");
        error.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task SendAsync_RateLimit_WaitsForTheTokenBucket()
    {
        var time = new AwsIntegrations.Testing.TimerTrackingTimeProvider(DateTimeOffset.UtcNow);
        var options = TestAws.FastOptions();
        options.StsRps = 1;
        options.RateBurstSeconds = 1;
        var transport = new AwsTransport(_aws.Http, new StaticCredentialsProvider(Emulators.Aws.AwsEmulator.DefaultCredentials), _aws.Endpoints, options, time: time);

        await CallerIdentityAsync(transport);
        var second = CallerIdentityAsync(transport);
        await AwsIntegrations.Testing.Eventually.HoldsAsync(() => time.ArmedTimers > 0, "the second call waits for a token");
        _aws.Calls.Count("sts", "GetCallerIdentity").Should().Be(1);

        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        _aws.Calls.Count("sts", "GetCallerIdentity").Should().Be(2);
    }
}
