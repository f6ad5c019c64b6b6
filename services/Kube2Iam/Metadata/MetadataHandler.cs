using System.Diagnostics;
using System.Globalization;

using AwsIntegrations.Aws;
using AwsIntegrations.Kubernetes.Events;
using k8s;
using k8s.Models;
using AwsIntegrations.Kube2Iam.Credentials;
using AwsIntegrations.Kube2Iam.Options;
using AwsIntegrations.Kube2Iam.Pods;
using AwsIntegrations.Kube2Iam.Roles;
using AwsIntegrations.Kube2Iam.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace AwsIntegrations.Kube2Iam.Metadata;

/// <summary>
/// Answers what a pod asks 169.254.169.254: the caller is the pod holding the TCP source address (nothing else is
/// believed: no header names a pod), its role's credentials come from the cache, tokens are bound to it, and other
/// metadata is fetched from the real service with the daemon's own session. The node's credentials are never served.
/// </summary>
public sealed partial class MetadataHandler(
    Kube2IamOptions options,
    RouteTable routes,
    PodDirectory pods,
    RoleResolver roles,
    CredentialCache credentials,
    SessionTokens tokens,
    IInstanceMetadataApi upstream,
    Kube2IamMetrics metrics,
    TimeProvider time,
    ILogger<MetadataHandler> logger,
    EventRecorder? events = null)
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var route = routes.Classify(raw);
        var (status, body, result) = await AnswerAsync(context, route).ConfigureAwait(false);
        metrics.Request(route.Label, result, Stopwatch.GetElapsedTime(started));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<(int Status, string Body, string Result)> AnswerAsync(HttpContext context, MetadataRoute route)
    {
        var request = context.Request;
        if (route.Kind == RouteKind.Invalid)
        {
            return Refuse(400, "Bad Request", "invalid_path");
        }

        var isToken = route.Kind == RouteKind.Token;
        if (isToken ? !HttpMethods.IsPut(request.Method) : !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return Refuse(405, "Method Not Allowed", "method");
        }

        if (isToken && request.Headers.ContainsKey("X-Forwarded-For"))
        {
            return Refuse(403, "Forbidden", "forwarded_token_request");
        }

        var ip = CallerIp(context);
        var (pod, waited) = await pods.FindAsync(ip, options.BackoffMaxElapsedTime, options.BackoffMaxInterval, context.RequestAborted).ConfigureAwait(false);
        if (waited)
        {
            metrics.PodWait(pod is null ? "timeout" : "found");
        }

        if (pod is null)
        {
            LogUnknownCaller(logger, ip, raw(context));
            return Refuse(404, "Not Found", "unknown_pod");
        }

        var uid = pod.Metadata.Uid ?? PodStates.Describe(pod);
        if (isToken)
        {
            var ttl = SessionTokens.ParseTtl(request.Headers[TokenTtlHeader]);
            if (ttl is null)
            {
                return Refuse(400, "Bad Request", "token_ttl");
            }

            context.Response.Headers[TokenTtlHeader] = ttl.Value.ToString(CultureInfo.InvariantCulture);
            return (200, tokens.Issue(uid, ip, ttl.Value), "success");
        }

        var presented = request.Headers[TokenHeader].ToString();
        if (presented.Length > 0 ? tokens.Check(presented, uid, ip) != TokenCheck.Valid : options.RequireImdsV2)
        {
            return Refuse(401, "Unauthorized", presented.Length > 0 ? "bad_token" : "imdsv1_refused");
        }

        return route.Kind switch
        {
            RouteKind.IamRoot or RouteKind.IamInfo or RouteKind.CredentialsList or RouteKind.CredentialsForRole => await IamAsync(pod, ip, route).ConfigureAwait(false),
            RouteKind.Blocked => Refuse(403, "Forbidden", "blocked_path"),
            RouteKind.Proxy => await ProxyAsync(route.Value, context.RequestAborted).ConfigureAwait(false),
            _ => (404, "Not Found", "not_found"),
        };

        static string raw(HttpContext c) => RoleArns.Shorten(c.Request.Path.Value ?? "/");
    }

    private async Task<(int, string, string)> IamAsync(V1Pod pod, string ip, MetadataRoute route)
    {
        var decision = roles.Decide(pod, ip);
        if (decision.IsDenied)
        {
            metrics.Denied(decision.Denial!.Contains("not allowed in namespace", StringComparison.Ordinal) ? "namespace" : "annotation");
            LogDenied(logger, PodStates.Describe(pod), decision.Denial);
            events?.Warning(pod, "IAMRoleDenied", decision.Denial);
            return Refuse(403, "Forbidden", "denied");
        }

        if (decision.Key is not { } key)
        {
            return (404, "Not Found", "no_role");
        }

        // kube2iam's server.go: the listing is the ARN without the base ARN (or the full ARN), and a request names the role
        // the same way (a full ARN, or a name or path/name joined to the base ARN).
        switch (route.Kind)
        {
            case RouteKind.IamRoot:
                return (200, "info\nsecurity-credentials/", "success");
            case RouteKind.CredentialsList:
                return (200, RoleArns.Listed(key.RoleArn, roles.BaseArn), "success");
            case RouteKind.IamInfo:
                return (200, MetadataDocuments.Info(key.RoleArn, time.GetUtcNow()), "success");
            case RouteKind.CredentialsForRole when RoleArns.Wanted(route.Value, roles.BaseArn) != key.RoleArn:
                return Refuse(404, "Not Found", "other_role");
        }

        var result = await credentials.GetAsync(key, decision.SessionName).ConfigureAwait(false);
        if (result.Role is not { } role)
        {
            events?.Warning(pod, "IAMRoleError", $"could not assume {key.RoleArn}: {result.Error}");
            return (500, "Internal Server Error", "sts_error");
        }

        return (200, MetadataDocuments.Credentials(role, result.ObtainedAt), "success");
    }

    private async Task<(int, string, string)> ProxyAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var value = await upstream.GetAsync(path, cancellationToken).ConfigureAwait(false);
            return value is null ? (404, "Not Found", "not_found") : (200, value, "success");
        }
        catch (Exception e) when (e is HttpRequestException or AwsServiceException or TaskCanceledException)
        {
            LogUpstreamFailed(logger, path, e.Message);
            return (502, "Bad Gateway", "upstream_error");
        }
    }

    private (int, string, string) Refuse(int status, string body, string result)
    {
        if (status is 401 or 403)
        {
            metrics.Denied(result);
        }

        return (status, body, result);
    }

    private static string CallerIp(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? System.Net.IPAddress.None;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "no pod of this node holds {Ip} (asked for {Path})")]
    private static partial void LogUnknownCaller(ILogger logger, string ip, string path);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "pod {Pod} denied: {Reason}")]
    private static partial void LogDenied(ILogger logger, string pod, string reason);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "upstream metadata {Path} failed: {Reason}")]
    private static partial void LogUpstreamFailed(ILogger logger, string path, string reason);
}
