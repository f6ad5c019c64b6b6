using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// AssumeRoleWithWebIdentity (IRSA): the request is unsigned and carries a JWT. The emulator reads its claims (iss,
/// sub, aud) without checking the signature — it has no OIDC provider — and refuses tokens that are not JWTs.
/// </summary>
public static class StsWebIdentity
{
    public static WireResponse Assume(AwsCall call, AwsState state)
    {
        var claims = Claims(call.RequiredParam("WebIdentityToken"));
        var roleName = StsHandler.ValidateRoleRequest(call, state, externalId: null, out var duration);
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
