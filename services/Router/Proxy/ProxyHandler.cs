using System.Diagnostics;
using System.Net.Http;
using AwsIntegrations.Hosting.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Router.Backends;
using Router.Metrics;
using Router.Options;
using Router.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace Router.Proxy;

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
    private readonly long _ejectionTicks = (long)(options.EjectionDuration.TotalSeconds * Stopwatch.Frequency);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path == HealthPath)
        {
            await HealthAsync(context).ConfigureAwait(false);
            return;
        }

        var route = tables.Current.Match(request.Host.Value, path);
        string? upstream = null;
        if (RedirectDecision.HttpsLocation(request, route, options.RedirectHttpToHttps) is { } location)
        {
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = location;
        }
        else if (route is null)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "no route for this host and path\n").ConfigureAwait(false);
        }
        else if (route.Backend.Endpoints.Length == 0)
        {
            await PlainAsync(context, StatusCodes.Status502BadGateway,
                $"no endpoints: Ingress {route.Ingress}, Service {route.Backend.ServiceNamespace}/{route.Backend.ServiceName} port {route.Backend.Port}\n").ConfigureAwait(false);
        }
        else
        {
            upstream = await ForwardAsync(context, route).ConfigureAwait(false);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        metrics.Request(route, context.Response.StatusCode, seconds);
        if (options.AccessLog)
        {
            LogAccess(_accessLog, request.Method, request.Host.Value ?? "", path, context.Response.StatusCode, seconds * 1000,
                route?.Ingress ?? "", upstream ?? "", context.Connection.RemoteIpAddress?.ToString() ?? "");
        }
    }

    private async Task<string?> ForwardAsync(HttpContext context, Route route)
    {
        var triedArray = new EndpointState?[options.Retries + 1];
        EndpointState? endpoint = null;
        for (var attempt = 0; attempt <= options.Retries; attempt++)
        {
            endpoint = route.Backend.Choose(triedArray.AsSpan(0, attempt), Stopwatch.GetTimestamp());
            if (endpoint is null)
            {
                break;
            }

            triedArray[attempt] = endpoint;
            endpoint.Started();
            ForwarderError error;
            try
            {
                error = await forwarder.SendAsync(context, endpoint.DestinationPrefix, client, route.RequestConfig, ForwardedHeadersTransformer.Instance).ConfigureAwait(false);
            }
            finally
            {
                endpoint.Finished();
            }

            if (error == ForwarderError.None || !IsConnectFailure(context, error))
            {
                return endpoint.Address;
            }

            endpoint.Eject(Stopwatch.GetTimestamp() + _ejectionTicks);
            metrics.ConnectFailure(route);
            if (context.Response.HasStarted || attempt == options.Retries)
            {
                return endpoint.Address;
            }

            metrics.Retry(route);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
        }

        return endpoint?.Address;
    }

    /// <summary>Failed while connecting (refused, reset, unreachable, connect timeout): not one byte of the request was sent.</summary>
    private static bool IsConnectFailure(HttpContext context, ForwarderError error) =>
        error == ForwarderError.Request
        && context.Features.Get<IForwarderErrorFeature>()?.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    private async Task HealthAsync(HttpContext context)
    {
        var ready = tables.IsLoaded && !readiness.IsDraining;
        await PlainAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, ready ? "ok\n" : "shutting down\n").ConfigureAwait(false);
    }

    private static Task PlainAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Method} {Host}{Path} {Status} {DurationMs} ms ingress={Ingress} upstream={Upstream} client={Client}")]
    private static partial void LogAccess(ILogger logger, string method, string host, string path, int status, double durationMs, string ingress, string upstream, string client);
}
