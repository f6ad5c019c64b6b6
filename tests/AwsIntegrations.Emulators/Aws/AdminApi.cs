using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// The emulator's admin API (for the sandbox and for tests in other processes):
/// GET/DELETE /_emulator/calls, POST/DELETE /_emulator/faults, GET /_emulator/state, POST /_emulator/imds,
/// POST /_emulator/roles, POST /_emulator/target-health, POST /_emulator/web-acls.
/// A fault is JSON: {"service":"route53","operation":"ChangeResourceRecordSets","throttlePercent":50}
/// or {"errorCode":"InternalFailure","statusCode":500,"count":2} or {"latencyMs":200}.
/// IMDS: {"httpTokens":"required","tokenHopLimitExceeded":true,"instanceId":"i-…","roleName":"…"} (each optional).
/// A role STS may assume: {"name":"app","externalId":"x"}; with "trustPolicy" ({"name":"…","document":{…}}) and/or
/// "policies" ([{"name":"…","document":{…}}]) IAM enforces them for the role's sessions (a document may also be a JSON string). Target health: {"targetGroupArn":"…","id":"i-…","state":"unhealthy"}.
/// A regional WAFv2 web ACL: {"name":"shop-acl","id":"optional uuid"} → 201 {"arn":"arn:aws:wafv2:…:regional/webacl/shop-acl/…"}.
/// GET/POST /_emulator/behavior: the <see cref="AwsBehavior"/> settings, e.g. {"preset":"instant"} or
/// {"loadBalancerProvisioningSeconds":180,"throttling":false} (each optional; a null interval or delay means AWS's own).
/// </summary>
internal sealed class AdminApi(AwsEmulator emulator)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!["/_emulator/".Length..].TrimEnd('/');
        var method = context.Request.Method;
        switch (path, method)
        {
            case ("calls", "GET"):
                await context.Response.WriteAsJsonAsync(emulator.Calls.All.Select(c => new { c.Service, c.Operation, c.Result, c.StatusCode, c.At, c.UserAgent, c.AccessKeyId, c.Principal, c.Authorizations }), Json);
                return;
            case ("calls", "DELETE"):
                emulator.Calls.Clear();
                context.Response.StatusCode = 204;
                return;
            case ("faults", "DELETE"):
                emulator.Faults.Clear();
                context.Response.StatusCode = 204;
                return;
            case ("faults", "POST"):
                await AddFaultAsync(context);
                return;
            case ("imds", "POST"):
            case ("roles", "POST"):
            case ("target-health", "POST"):
            case ("web-acls", "POST"):
                await ChangeStateAsync(context, path);
                return;
            case ("behavior", "GET"):
                await context.Response.WriteAsync(AdminBehavior.ToJson(emulator.State.Behavior).ToJsonString());
                return;
            case ("behavior", "POST"):
                await ChangeBehaviorAsync(context);
                return;
            case ("state", "GET"):
                await context.Response.WriteAsync(Summary().ToJsonString());
                return;
            default:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync($"unknown admin endpoint {method} /_emulator/{path}");
                return;
        }
    }

    private async Task AddFaultAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException e)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("fault is not JSON: " + e.Message);
            return;
        }

        try
        {
            var rule = new FaultRule
            {
                Service = body?["service"]?.GetValue<string>(),
                Operation = body?["operation"]?.GetValue<string>(),
                ThrottlePercent = body?["throttlePercent"]?.GetValue<int>() ?? 0,
                ErrorCode = body?["errorCode"]?.GetValue<string>(),
                StatusCode = body?["statusCode"]?.GetValue<int>() ?? 500,
                Latency = TimeSpan.FromMilliseconds(body?["latencyMs"]?.GetValue<int>() ?? 0),
                Remaining = body?["count"]?.GetValue<int>(),
            };
            if (rule.ThrottlePercent == 0 && rule.ErrorCode is null && rule.Latency == TimeSpan.Zero)
            {
                throw new ArgumentException("a fault needs throttlePercent, errorCode or latencyMs");
            }

            emulator.Faults.Add(rule);
            context.Response.StatusCode = 201;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("invalid fault: " + e.Message);
        }
    }

    private async Task ChangeBehaviorAsync(HttpContext context)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, Json, context.RequestAborted) ?? [];
            lock (emulator.State.Gate)
            {
                AdminBehavior.Apply(emulator.State.Behavior, body);
            }

            await context.Response.WriteAsync(AdminBehavior.ToJson(emulator.State.Behavior).ToJsonString());
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("invalid behavior: " + e.Message);
        }
    }

    private async Task ChangeStateAsync(HttpContext context, string what)
    {
        JsonObject body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, Json, context.RequestAborted) ?? [];
        }
        catch (JsonException e)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("body is not JSON: " + e.Message);
            return;
        }

        var state = emulator.State;
        string? problem = null;
        string? created = null;
        lock (state.Gate)
        {
            switch (what)
            {
                case "imds":
                    var tokens = body["httpTokens"]?.GetValue<string>() ?? state.Imds.HttpTokens;
                    if (tokens is not ("optional" or "required"))
                    {
                        problem = "httpTokens must be optional or required";
                        break;
                    }

                    state.Imds.HttpTokens = tokens;
                    state.Imds.TokenHopLimitExceeded = body["tokenHopLimitExceeded"]?.GetValue<bool>() ?? state.Imds.TokenHopLimitExceeded;
                    state.Imds.InstanceId = body["instanceId"]?.GetValue<string>() ?? state.Imds.InstanceId;
                    state.Imds.RoleName = body["roleName"]?.GetValue<string>() ?? state.Imds.RoleName;
                    break;
                case "roles":
                    var name = body["name"]?.GetValue<string>();
                    if (string.IsNullOrEmpty(name))
                    {
                        problem = "a role needs a name";
                    }
                    else
                    {
                        problem = DefineRole(state, name, body);
                    }

                    break;
                case "web-acls":
                    var aclName = body["name"]?.GetValue<string>();
                    if (string.IsNullOrEmpty(aclName))
                    {
                        problem = "a web ACL needs a name";
                    }
                    else
                    {
                        created = state.AddWebAcl(aclName, body["id"]?.GetValue<string>()).Arn;
                    }

                    break;
                default:
                    var target = state.TargetGroups.FirstOrDefault(t => t.Arn == body["targetGroupArn"]?.GetValue<string>())?.Targets
                        .FirstOrDefault(t => t.Id == body["id"]?.GetValue<string>());
                    if (target is null)
                    {
                        problem = "no such registered target";
                    }
                    else
                    {
                        target.HealthOverride = body["state"]?.GetValue<string>();
                    }

                    break;
            }
        }

        context.Response.StatusCode = problem is not null ? 400 : created is not null ? 201 : 204;
        if (problem is not null)
        {
            await context.Response.WriteAsync(problem);
        }
        else if (created is not null)
        {
            await context.Response.WriteAsync(new JsonObject { ["arn"] = created }.ToJsonString());
        }
    }

    private static string? DefineRole(AwsState state, string name, JsonObject body)
    {
        var policies = (body["policies"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => (Name: p["name"]?.GetValue<string>() ?? name, Json: Document(p["document"]))).ToList();
        (string, string)? trust = body["trustPolicy"] is JsonObject t ? (t["name"]?.GetValue<string>() ?? name + "-trust", Document(t["document"])) : null;
        try
        {
            if (trust is not null || policies.Count > 0)
            {
                state.Iam.Define(state.AccountId, name, trust, policies);
            }
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }

        state.Roles[name] = body["externalId"]?.GetValue<string>();
        return null;
    }

    /// <summary>A policy document given as a JSON object or as a string holding one.</summary>
    private static string Document(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? string.Empty;

    private JsonObject Summary()
    {
        var s = emulator.State;
        lock (s.Gate)
        {
            return new JsonObject
            {
                ["region"] = s.Region,
                ["accountId"] = s.AccountId,
                ["vpcs"] = s.Vpcs.Count,
                ["subnets"] = s.Subnets.Count,
                ["instances"] = s.Instances.Count,
                ["loadBalancers"] = new JsonArray([.. s.LoadBalancers.Select(l => (JsonNode)l.Arn)]),
                ["targetGroups"] = new JsonArray([.. s.TargetGroups.Select(t => (JsonNode)t.Arn)]),
                ["certificates"] = new JsonArray([.. s.Certificates.Select(c => (JsonNode)c.Arn)]),
                ["webAcls"] = new JsonArray([.. s.WebAcls.Select(a => (JsonNode)a.Arn)]),
                ["hostedZones"] = new JsonArray([.. s.HostedZones.Select(z => (JsonNode)new JsonObject
                {
                    ["id"] = z.Id, ["name"] = z.Name, ["records"] = z.Records.Count.ToString(CultureInfo.InvariantCulture),
                })]),
            };
        }
    }
}
