using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// AssumeRoleWithWebIdentity (IRSA): the request is unsigned and carries a JWT. The emulator reads its claims (iss,
/// sub, aud) without checking the signature — it has no OIDC provider — and refuses tokens that are not JWTs. A role IAM
/// defines with a trust policy must trust the provider (Principal Federated
/// arn:aws:iam::account:oidc-provider/issuer-without-https) under its conditions on the claims, whose keys are
/// issuer:sub and issuer:aud ("Configure a role trust policy for IRSA",
/// https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html); otherwise STS answers
/// AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity".
/// </summary>
public static class StsWebIdentity
{
    public static WireResponse Assume(AwsCall call, AwsState state)
    {
        var claims = Claims(call.RequiredParam("WebIdentityToken"));
        var roleName = StsHandler.ValidateRoleRequest(call, state, externalId: null, out var duration);
        var issuer = claims["iss"]?.GetValue<string>() ?? string.Empty;
        var provider = issuer.StartsWith("https://", StringComparison.Ordinal) ? issuer["https://".Length..] : issuer;
        var keys = StsAuthorization.Keys(call);
        keys[provider + ":sub"] = [claims["sub"]?.GetValue<string>() ?? string.Empty];
        keys[provider + ":aud"] = claims["aud"] is JsonArray audiences ? audiences.Select(a => a?.GetValue<string>() ?? string.Empty).ToList() : [claims["aud"]?.GetValue<string>() ?? string.Empty];
        StsHandler.CheckTrust(call, state, roleName, "sts:AssumeRoleWithWebIdentity",
            new RequestPrincipal("Federated", [$"arn:aws:iam::{state.AccountId}:oidc-provider/{provider}"], null), keys,
            "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        var parts = StsHandler.CredentialsAndUser(state, call.RequiredParam("RoleArn"), roleName, call.RequiredParam("RoleSessionName"), duration);
        return QueryXml.Result(call.Service, call.Operation, call.RequestId,
            parts[1],
            new XElement("SubjectFromWebIdentityToken", claims["sub"]?.GetValue<string>() ?? string.Empty),
            parts[0],
            new XElement("Provider", claims["iss"]?.GetValue<string>() ?? string.Empty),
            new XElement("Audience", claims["aud"] is JsonArray a ? a[0]?.GetValue<string>() : claims["aud"]?.GetValue<string>()));
    }

    private static JsonObject Claims(string token)
    {
        var parts = token.Split('.');
        try
        {
            if (parts.Length != 3)
            {
                throw new FormatException("not three parts");
            }

            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))) as JsonObject ?? throw new FormatException("payload is not an object");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new AwsFault("InvalidIdentityToken", "The web identity token is not a valid JWT: " + e.Message);
        }
    }
}
