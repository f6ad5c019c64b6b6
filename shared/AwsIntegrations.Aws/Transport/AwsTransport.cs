using AwsIntegrations.Hosting.RateLimiting;
using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsIntegrations.Aws;

/// <summary>
/// Sends one AWS operation: waits for the service's rate limit, signs with SigV4, retries in the AWS standard mode
/// (throttling, 5xx and network errors; full-jitter backoff; client-side retry quota), records metrics, and turns the
/// final failure into an <see cref="AwsServiceException"/>. Shared by all our service clients.
/// </summary>
internal sealed partial class AwsTransport
{
    private readonly HttpClient _http;
    private readonly IAwsCredentialsProvider _credentials;
    private readonly EndpointResolver _endpoints;
    private readonly AwsOptions _options;
    private readonly AwsMetrics _metrics;
    private readonly RetryQuota _quota;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, TokenBucket> _limits;

    public AwsTransport(
        HttpClient http,
        IAwsCredentialsProvider credentials,
        EndpointResolver endpoints,
        AwsOptions options,
        AwsMetrics? metrics = null,
        TimeProvider? time = null,
        ILogger<AwsTransport>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _credentials = credentials;
        _endpoints = endpoints;
        _options = options;
        _metrics = metrics ?? new AwsMetrics();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _quota = new RetryQuota(options.RetryQuota);
        _limits = AwsService.All.ToDictionary(
            s => s.Name,
            s => new TokenBucket(options.RateFor(s), options.RateFor(s) * options.RateBurstSeconds, _time));
    }

    /// <summary>
    /// What every AWS call says it is ("IngressController/1.0.0.0 aws-integrations"): CloudTrail records it as the
    /// userAgent of each event, so an operator can tell which service made a call.
    /// </summary>
    public static string UserAgent { get; } =
        $"{System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "aws-integrations"}/{typeof(AwsTransport).Assembly.GetName().Version} aws-integrations";

    public EndpointResolver Endpoints => _endpoints;

    public RetryQuota Quota => _quota;

    /// <summary>Source of jitter in [0, 1); replaceable for deterministic tests.</summary>
    public Func<double> Random { get; set; } = System.Random.Shared.NextDouble;

    public async Task<AwsResponse> SendAsync(AwsService service, string operation, AwsProtocol protocol, AwsRequest request, CancellationToken cancellationToken)
    {
        var endpoint = _endpoints.Resolve(service);
        var lastRetryCost = 0;
        for (var attempt = 1; ; attempt++)
        {
            await _limits[service.Name].AcquireAsync(cancellationToken).ConfigureAwait(false);
            var outcome = await AttemptAsync(service, operation, protocol, endpoint, request, cancellationToken).ConfigureAwait(false);
            if (outcome.Response is not null)
            {
                _quota.Release(lastRetryCost);
                return outcome.Response;
            }

            var error = outcome.Error!;
            var retryable = outcome.Transport is not null || RetryClassifier.IsRetryable(error.Code, outcome.StatusCode);
            var cost = retryable && attempt < _options.MaxAttempts ? _quota.TryAcquire(outcome.TimedOut) : 0;
            if (cost == 0)
            {
                throw new AwsServiceException(service.ServiceId, operation, error.Code, error.Message, error.RequestId, outcome.StatusCode, attempt, outcome.Transport);
            }

            lastRetryCost = cost;
            var delay = Backoff.Delay(attempt, Random(), TimeSpan.FromSeconds(_options.RetryBaseDelaySeconds), TimeSpan.FromSeconds(_options.RetryMaxBackoffSeconds));
            LogRetry(_logger, service.ServiceId, operation, error.Code, attempt, delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Outcome> AttemptAsync(AwsService service, string operation, AwsProtocol protocol, AwsEndpoint endpoint, AwsRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
        try
        {
            var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            using var message = RequestSigner.Build(endpoint, service, request, credentials, _time.GetUtcNow());
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var requestId = RequestIdOf(response.Headers);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                _metrics.Record(service, operation, "success", Stopwatch.GetElapsedTime(started));
                return new Outcome(new AwsResponse(status, body, requestId), null, status, null, false);
            }

            var error = ErrorParser.Parse(protocol, status, body, requestId);
            _metrics.Record(service, operation, AwsMetrics.ResultOf(error.Code, status), Stopwatch.GetElapsedTime(started));
            return new Outcome(null, error, status, null, false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _metrics.Record(service, operation, "network_error", Stopwatch.GetElapsedTime(started));
            var timedOut = e is OperationCanceledException;
            var code = timedOut ? "RequestTimeout" : "RequestFailed";
            return new Outcome(null, new AwsError(code, e.Message, null), 0, e, timedOut);
        }
    }

    private static string? RequestIdOf(HttpResponseHeaders headers) =>
        headers.TryGetValues("x-amzn-RequestId", out var a) ? a.FirstOrDefault()
        : headers.TryGetValues("x-amz-request-id", out var b) ? b.FirstOrDefault()
        : null;

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "AWS {Service}:{Operation} failed with {Code} on attempt {Attempt}; retrying in {DelayMs:0} ms")]
    private static partial void LogRetry(ILogger logger, string service, string operation, string code, int attempt, double delayMs);

    private sealed record Outcome(AwsResponse? Response, AwsError? Error, int StatusCode, Exception? Transport, bool TimedOut);
}
