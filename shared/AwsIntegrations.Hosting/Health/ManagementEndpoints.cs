using AwsIntegrations.Hosting.Metrics;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Hosting.Health;

/// <summary>/healthz (alive), /readyz (able to do the job; 503 from SIGTERM on) and /metrics (Prometheus text 0.0.4).</summary>
public static class ManagementEndpoints
{
    public static bool IsManagementPath(PathString path) =>
        path == "/healthz" || path == "/readyz" || path == "/metrics";

    public static Task HandleAsync(HttpContext context, ReadinessState readiness, LivenessState liveness, MetricsCollector metrics)
    {
        var path = context.Request.Path;
        if (path == "/healthz")
        {
            return WriteChecksAsync(context, liveness.FailingChecks());
        }

        if (path == "/readyz")
        {
            return WriteChecksAsync(context, readiness.FailingChecks());
        }

        context.Response.ContentType = PrometheusTextWriter.ContentType;
        return context.Response.WriteAsync(PrometheusTextWriter.Write(metrics), context.RequestAborted);
    }

    private static Task WriteChecksAsync(HttpContext context, IReadOnlyList<string> failing)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (failing.Count == 0)
        {
            return context.Response.WriteAsync("ok\n", context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsync("not ok: " + string.Join(", ", failing) + "\n", context.RequestAborted);
    }
}
