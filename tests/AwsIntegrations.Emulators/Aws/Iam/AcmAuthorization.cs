using System.Text.Json.Nodes;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>
/// What AWS authorizes for each ACM operation (Service Authorization Reference, "Actions, resources, and condition keys for
/// AWS Certificate Manager"): ListCertificates on "*"; operations on a certificate on its ARN, whose tags are
/// aws:ResourceTag/key; RequestCertificate and a first ImportCertificate on the certificate being made, with aws:RequestTag.
/// </summary>
public static class AcmAuthorization
{
    public static IEnumerable<AuthorizationRequest> Requests(AwsCall call, AwsState state)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(state);
        var action = "acm:" + call.Operation;
        var arn = call.Json?["CertificateArn"]?.GetValue<string>();
        if (call.Operation is "RequestCertificate" or "ImportCertificate" && arn is null)
        {
            return [new(action, $"arn:aws:acm:{state.Region}:{state.AccountId}:certificate/*", ContextKeys.Of().WithRequestTags(Tags(call.Json)))];
        }

        return arn is null
            ? [new(action, "*", ContextKeys.Of())]
            : [new(action, arn, ContextKeys.Of().WithResourceTags(state.Certificates.FirstOrDefault(c => c.Arn == arn)?.Tags))];
    }

    private static Dictionary<string, string> Tags(JsonObject? body) =>
        (body?["Tags"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(t => (Key: t["Key"]?.GetValue<string>() ?? string.Empty, Value: t["Value"]?.GetValue<string>() ?? string.Empty))
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
}
