using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// The instance metadata service: IMDSv2 session tokens (PUT /latest/api/token, TTL 1–21600 s, refused with
/// X-Forwarded-For, 401 once expired), IMDSv1 unless tokens are required, and the metadata the suite reads.
/// </summary>
internal sealed class ImdsHandler(AwsState state, CallLog calls)
{
    public async Task HandleAsync(HttpContext context)
    {
        var (status, body, operation) = Answer(context);
        if (status == 0)
        {
            // Hop limit exceeded: the answer never reaches the caller.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        calls.Add(new RecordedCall("imds", operation, status < 300 ? "Success" : status.ToString(CultureInfo.InvariantCulture), status, DateTimeOffset.UtcNow,
            context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, string.Empty, body));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private (int Status, string Body, string Operation) Answer(HttpContext context)
    {
        var request = context.Request;
        var path = (request.Path.Value ?? "/")["/latest/".Length..];
        var now = state.Time.GetUtcNow();
        if (path == "api/token")
        {
            if (request.Method != HttpMethods.Put)
            {
                return (405, string.Empty, "GetToken");
            }

            if (request.Headers.ContainsKey("X-Forwarded-For"))
            {
                return (403, "Forbidden", "GetToken");
            }

            if (!int.TryParse(request.Headers["X-aws-ec2-metadata-token-ttl-seconds"], CultureInfo.InvariantCulture, out var ttl) || ttl is < 1 or > 21600)
            {
                return (400, "Bad Request", "GetToken");
            }

            if (state.Imds.TokenHopLimitExceeded)
            {
                return (0, string.Empty, "GetToken");
            }

            var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray());
            lock (state.Gate)
            {
                state.ImdsTokens[token] = now.AddSeconds(ttl);
            }

            context.Response.Headers["X-aws-ec2-metadata-token-ttl-seconds"] = ttl.ToString(CultureInfo.InvariantCulture);
            return (200, token, "GetToken");
        }

        if (request.Method != HttpMethods.Get)
        {
            return (405, string.Empty, "GetMetadata");
        }

        var presented = request.Headers["X-aws-ec2-metadata-token"].ToString();
        if (presented.Length > 0)
        {
            lock (state.Gate)
            {
                if (!state.ImdsTokens.TryGetValue(presented, out var expiry) || expiry <= now)
                {
                    return (401, "Unauthorized", "GetMetadata");
                }
            }
        }
        else if (state.Imds.HttpTokens == "required")
        {
            return (401, "Unauthorized", "GetMetadata");
        }

        var value = Lookup(path.TrimEnd('/'));
        return value is null ? (404, "Not Found", "GetMetadata") : (200, value, "GetMetadata");
    }

    private string? Lookup(string path)
    {
        var instance = state.ImdsInstance();
        if (instance is null)
        {
            return null;
        }

        var role = state.Imds.RoleName;
        var now = state.Time.GetUtcNow();
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return path switch
        {
            "meta-data" => "ami-id\nhostname\niam/\ninstance-id\ninstance-type\nlocal-hostname\nlocal-ipv4\nmac\nplacement/\nsecurity-groups",
            "meta-data/instance-id" => instance.Id,
            "meta-data/instance-type" => instance.InstanceType,
            "meta-data/ami-id" => instance.ImageId,
            "meta-data/local-ipv4" => instance.PrivateIpAddress,
            "meta-data/hostname" or "meta-data/local-hostname" => instance.PrivateDnsName(state.Region),
            "meta-data/placement" => "availability-zone\nregion",
            "meta-data/placement/availability-zone" => instance.AvailabilityZone,
            "meta-data/placement/region" => state.Region,
            "meta-data/iam" => "info\nsecurity-credentials/",
            "meta-data/iam/info" => new JsonObject
            {
                ["Code"] = "Success",
                ["LastUpdated"] = stamp,
                ["InstanceProfileArn"] = instance.IamInstanceProfileArn,
                ["InstanceProfileId"] = "AIPA" + instance.Id[2..].ToUpperInvariant(),
            }.ToJsonString(),
            "meta-data/iam/security-credentials" => role,
            _ when path == "meta-data/iam/security-credentials/" + role => RoleCredentials(now, stamp, role, instance.Id),
            "user-data" => instance.UserData,
            "dynamic/instance-identity/document" => new JsonObject
            {
                ["accountId"] = state.AccountId,
                ["availabilityZone"] = instance.AvailabilityZone,
                ["instanceId"] = instance.Id,
                ["instanceType"] = instance.InstanceType,
                ["privateIp"] = instance.PrivateIpAddress,
                ["region"] = state.Region,
            }.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>The instance role's credentials: a session of that role named after the instance, as EC2 names it.</summary>
    private string RoleCredentials(DateTimeOffset now, string stamp, string role, string instanceId)
    {
        AwsIntegrations.Aws.AwsCredentials credentials;
        lock (state.Gate)
        {
            var roleArn = $"arn:aws:iam::{state.AccountId}:role/{role}";
            credentials = state.NodeRoleCredentials ??= state.IssueCredentials("ASIA", withToken: true,
                IamPrincipal.RoleSession(state.AccountId, roleArn, instanceId, StsHandler.RoleId(roleArn)));
        }

        return new JsonObject
        {
            ["Code"] = "Success",
            ["LastUpdated"] = stamp,
            ["Type"] = "AWS-HMAC",
            ["AccessKeyId"] = credentials.AccessKeyId,
            ["SecretAccessKey"] = credentials.SecretAccessKey,
            ["Token"] = credentials.SessionToken,
            ["Expiration"] = now.AddHours(6).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }.ToJsonString();
    }
}
