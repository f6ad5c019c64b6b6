using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using AwsIntegrations.Hosting.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using AwsIntegrations.Router.Backends;
using AwsIntegrations.Router.Metrics;
using AwsIntegrations.Router.Options;
using AwsIntegrations.Router.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace AwsIntegrations.Router.Proxy;

/// <summary>
/// The traffic pipeline: the ALB health route, the https redirect, route lookup, and forwarding with retries on connection
/// failures to other endpoints (ejecting the failed one for a while).
/// </summary>
public sealed partial class ProxyHandler(
    RouteTableHolder tables,
    IHttpForwarder forwarder,
    HttpMessageInvoker client,
    ReadinessState readiness,
    RouterMetrics metrics,
    RouterOptions options,
    ILoggerFactory loggers)
{
    public const string HealthPath = "/kube-system/healthz";

    private readonly ILogger _accessLog = loggers.CreateLogger("Router.AccessLog");
    private readonly ILogger _logger = loggers.CreateLogger<ProxyHandler>();
    private readonly long _ejectionTicks = (long)(options.EjectionDuration.TotalSeconds * Stopwatch.Frequency);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        ReceivedConnectionHeader.BeginRequest();
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path == HealthPath)
        {
            await HealthAsync(context).ConfigureAwait(false);
            return;
        }

        var route = tables.Current.Match(request.Host.Value, path, request);
        string? upstream = null;
        if (RedirectDecision.HttpsLocation(request, route, options.RedirectHttpToHttps, options.RedirectHttpToHttpsCode, out var redirectCode) is { } location)
        {
            context.Response.StatusCode = redirectCode;
            context.Response.Headers.Location = location;
            ServerHeader.AddIfAbsent(context.Response);
        }
        else if (route is null)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "no route for this host and path\n").ConfigureAwait(false);
        }
        else if (route.IsPlain)
        {
            upstream = route.Backend!.Endpoints.Length == 0
                ? await NoEndpointsAsync(context, route).ConfigureAwait(false)
                : await ForwardAsync(context, route, ForwardedHeadersTransformer.Instance).ConfigureAwait(false);
        }
        else
        {
            upstream = await FilteredAsync(context, route).ConfigureAwait(false);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        metrics.Request(route, context.Response.StatusCode, seconds);
        if (options.AccessLog)
        {
            LogAccess(_accessLog, request.Method, request.Host.Value ?? "", path, context.Response.StatusCode, seconds * 1000,
                route?.Ingress ?? "", upstream ?? "", context.Connection.RemoteIpAddress?.ToString() ?? "");
        }
    }

    private async Task<string?> NoEndpointsAsync(HttpContext context, Route route)
    {
        var backend = route.Backend!;
        await PlainAsync(context, StatusCodes.Status502BadGateway,
            $"no endpoints: Ingress {route.Ingress}, Service {backend.ServiceNamespace}/{backend.ServiceName} port {backend.Port}\n").ConfigureAwait(false);
        return null;
    }

    private async Task<string?> ForwardAsync(HttpContext context, Route route, HttpTransformer transformer)
    {
        var backend = route.Backend!;
        var clientKey = backend.LoadBalancing == LoadBalancing.ConsistentHash
            ? StableHash.Of(ClientAddress.Text(ClientAddress.Source(context.Request)))
            : 0;
        // The endpoints tried so far: the array only exists once a retry needs it (most requests succeed at once).
        EndpointState?[]? triedArray = null;
        var endpoint = backend.Choose([], Stopwatch.GetTimestamp(), clientKey);
        for (var attempt = 0; endpoint is not null; attempt++)
        {
            if (attempt > 0)
            {
                triedArray![attempt] = endpoint;
            }

            endpoint.Started();
            ForwarderError error;
            try
            {
                error = await forwarder.SendAsync(context, endpoint.DestinationPrefix, client, route.RequestConfig, transformer).ConfigureAwait(false);
            }
            finally
            {
                endpoint.Finished();
            }

            if (error == ForwarderError.None)
            {
                return endpoint.Address;
            }

            var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
            var connectFailure = IsConnectFailure(exception, error);
            if (connectFailure)
            {
                endpoint.Eject(Stopwatch.GetTimestamp() + _ejectionTicks);
                metrics.ConnectFailure(route);
            }

            // Another endpoint is chosen before this answer is given up: when none is left, YARP's 502 stands.
            var retry = (connectFailure || IsSafeToRepeat(context, exception, error)) && !context.Response.HasStarted && attempt < options.Retries;
            if (retry && triedArray is null)
            {
                triedArray = new EndpointState?[options.Retries + 1];
                triedArray[0] = endpoint;
            }

            var next = retry ? backend.Choose(triedArray.AsSpan(0, attempt + 1), Stopwatch.GetTimestamp(), clientKey) : null;
            if (next is null)
            {
                if (!context.Response.HasStarted)
                {
                    // YARP's own 502 or 504: the backend gave no response.
                    ServerHeader.AddIfAbsent(context.Response);
                }

                LogForwardError(_logger, route.Ingress, endpoint.Address, error, exception?.GetType().Name ?? "", exception?.Message ?? "",
                    (exception as HttpRequestException)?.HttpRequestError.ToString() ?? "");
                return endpoint.Address;
            }

            metrics.Retry(route);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            endpoint = next;
        }

        return null;
    }

    /// <summary>Failed while connecting (refused, reset, unreachable): not one byte of the request was sent.</summary>
    private static bool IsConnectFailure(Exception? exception, ForwarderError error) =>
        error == ForwarderError.Request && exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    /// <summary>
    /// The endpoint closed or reset the connection before any response byte came back (a pod shutting down, or its process exiting
    /// with the request unread): a safe method without a body may be repeated on another endpoint (RFC 9110, 9.2.2).
    /// </summary>
    private static bool IsSafeToRepeat(HttpContext context, Exception? exception, ForwarderError error) =>
        error == ForwarderError.Request
        && exception is HttpRequestException request && (request.HttpRequestError == HttpRequestError.ResponseEnded || WasReset(request))
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && context.Request.ContentLength is null or 0
        && !context.Request.Headers.ContainsKey("Transfer-Encoding");

    private static bool WasReset(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted })
            {
                return true;
            }
        }

        return false;
    }

    private async Task HealthAsync(HttpContext context)
    {
        var ready = tables.IsLoaded && !readiness.IsDraining;
        await PlainAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, ready ? "ok\n" : "shutting down\n").ConfigureAwait(false);
    }

    private static Task PlainAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        ServerHeader.AddIfAbsent(context.Response);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Forwarding for Ingress {Ingress} to {Endpoint} failed: {Error} {ExceptionType} {HttpRequestError}: {Reason}")]
    private static partial void LogForwardError(ILogger logger, string ingress, string endpoint, ForwarderError error, string exceptionType, string reason, string httpRequestError);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "{Method} {Host}{Path} {Status} {DurationMs} ms ingress={Ingress} upstream={Upstream} client={Client}")]
    private static partial void LogAccess(ILogger logger, string method, string host, string path, int status, double durationMs, string ingress, string upstream, string client);
}
