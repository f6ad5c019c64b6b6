using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// Dispatches an AWS request: finds the service (X-Amz-Target, the Route 53 REST path, or the SigV4 scope), the
/// operation (Action, target or route), checks the signature, applies faults, runs the handler and records the call.
/// </summary>
internal sealed class AwsRouter(AwsState state, CallLog calls, FaultInjector faults)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var bodyText = Encoding.UTF8.GetString(body);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var requestId = Guid.NewGuid().ToString();
        var scope = SignatureCheck.ParseAuthorization(request.Headers.Authorization.ToString());
        var service = ServiceOf(request, scope);
        var operation = "Unknown";
        AwsCall? call = null;
        WireResponse response;
        try
        {
            var parameters = ParametersOf(request, service, bodyText);
            operation = OperationOf(request, service, parameters);
            // AssumeRoleWithWebIdentity is the one unsigned call: the web identity token is the credential.
            var unsigned = service == EmulatedService.Sts && operation == "AssumeRoleWithWebIdentity";
            if (scope is null && !unsigned)
            {
                throw new AwsFault("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
            }

            if (scope is not null)
            {
                SignatureCheck.Verify(request, rawTarget, body, scope, state, service);
            }
            if (service.Protocol == "query" && parameters.GetValueOrDefault("Version") != service.Version)
            {
                throw new AwsFault("InvalidAction", $"Could not find operation {operation} for version {parameters.GetValueOrDefault("Version") ?? "(none)"}");
            }

            call = new AwsCall
            {
                Service = service, Operation = operation, Method = request.Method, Path = request.Path.Value ?? "/",
                RawQuery = request.QueryString.Value ?? string.Empty, Body = bodyText, RequestId = requestId,
                AccessKeyId = scope?.AccessKeyId, Parameters = parameters,
                Json = service.Protocol == "json" && bodyText.Length > 0 ? JsonNode.Parse(bodyText) as JsonObject : null,
                Principal = scope is null ? null : RequestAuthorizer.PrincipalOf(scope.AccessKeyId, state),
            };
            if (state.Behavior.Throttling && !state.Throttle.TryTake(service, operation))
            {
                throw new AwsFault(service.ThrottleCode, "Rate exceeded", service.ThrottleStatus);
            }

            // IAM after authentication and before the service acts (faults included): a denied call changes nothing.
            RequestAuthorizer.Authorize(call, state);
            var (delay, fault) = faults.Decide(service, operation, request.Path.Value ?? "/");
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            if (fault is not null)
            {
                throw fault;
            }

            response = Dispatch(call);
        }
        catch (AwsFault fault)
        {
            response = service.Protocol == "json"
                ? WireResponse.Json(new JsonObject { ["__type"] = fault.Code, ["message"] = fault.Message }, fault.StatusCode)
                : QueryXml.Error(service, fault, requestId);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            var fault = new AwsFault(service.Protocol == "json" ? "SerializationException" : "MalformedInput", e.Message, 400);
            response = service.Protocol == "json"
                ? WireResponse.Json(new JsonObject { ["__type"] = fault.Code, ["message"] = fault.Message }, 400)
                : QueryXml.Error(service, fault, requestId);
        }

        var result = response.StatusCode < 300 ? "Success" : ErrorCodeOf(response);
        calls.Add(new RecordedCall(service.Name, operation, result, response.StatusCode, DateTimeOffset.UtcNow, request.Method,
            request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty, bodyText, response.Body)
        {
            UserAgent = request.Headers.UserAgent.ToString(),
            AccessKeyId = scope?.AccessKeyId,
            Principal = call?.Principal?.Arn,
            Authorizations = call is null ? [] : [.. call.Authorizations],
        });
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        await context.Response.Body.WriteAsync(response.Bytes, context.RequestAborted);
    }

    private WireResponse Dispatch(AwsCall call) => call.Service.Name switch
    {
        "sts" => StsHandler.Handle(call, state),
        "elbv2" => ElbV2Handler.Handle(call, state),
        "ec2" => Ec2Handler.Handle(call, state),
        "acm" => AcmHandler.Handle(call, state),
        "route53" => Route53Handler.Handle(call, state),
        "wafv2" => Wafv2Handler.Handle(call, state),
        _ => throw new AwsFault("UnknownService", $"service {call.Service.Name} is not emulated"),
    };

    private static EmulatedService ServiceOf(HttpRequest request, SignatureCheck.Scope? scope)
    {
        if (request.Headers["X-Amz-Target"].ToString().StartsWith("CertificateManager.", StringComparison.Ordinal))
        {
            return EmulatedService.Acm;
        }

        if (request.Headers["X-Amz-Target"].ToString().StartsWith("AWSWAF_20190729.", StringComparison.Ordinal))
        {
            return EmulatedService.Wafv2;
        }

        if (request.Path.StartsWithSegments("/2013-04-01", StringComparison.Ordinal))
        {
            return EmulatedService.Route53;
        }

        return (scope is null ? null : EmulatedService.BySigningName(scope.Service)) ?? EmulatedService.Sts;
    }

    private static Dictionary<string, string> ParametersOf(HttpRequest request, EmulatedService service, string body)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (service.Protocol is "query" or "ec2" && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
                parameters[key] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        }

        return parameters;
    }

    private static string OperationOf(HttpRequest request, EmulatedService service, Dictionary<string, string> parameters) => service.Protocol switch
    {
        "json" => request.Headers["X-Amz-Target"].ToString().Split('.').Last(),
        "rest-xml" => Route53Handler.OperationOf(request.Method, request.Path.Value ?? "/"),
        _ => parameters.GetValueOrDefault("Action") ?? throw new AwsFault("MissingAction", "the request has no Action parameter"),
    };

    private static string ErrorCodeOf(WireResponse response)
    {
        if (response.ContentType.Contains("json", StringComparison.Ordinal))
        {
            return JsonNode.Parse(response.Body)?["__type"]?.GetValue<string>() ?? "Unknown";
        }

        var start = response.Body.IndexOf("<Code>", StringComparison.Ordinal);
        if (start >= 0)
        {
            var end = response.Body.IndexOf("</Code>", start, StringComparison.Ordinal);
            return response.Body[(start + 6)..end];
        }

        return "Unknown";
    }
}
