using System.Text.Json;
using System.Xml.Linq;

namespace AwsIntegrations.Aws;

/// <summary>Reads an error answer in the shape each protocol uses (botocore's parsers are the reference).</summary>
internal static class ErrorParser
{
    public static AwsError Parse(AwsProtocol protocol, int statusCode, byte[] body, string? headerRequestId)
    {
        try
        {
            var error = protocol == AwsProtocol.Json ? ParseJson(body, headerRequestId) : ParseXml(body, headerRequestId);
            if (error is not null)
            {
                return error;
            }
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException)
        {
            // Not a well-formed AWS error (a proxy's HTML page, a truncated body): fall through to the status code.
        }

        return new AwsError(FallbackCode(statusCode), $"HTTP {statusCode} without an AWS error body", headerRequestId);
    }

    private static AwsError? ParseJson(byte[] body, string? requestId)
    {
        if (body.Length == 0)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var type = root.TryGetProperty("__type", out var t) ? t.GetString() : root.TryGetProperty("code", out var c) ? c.GetString() : null;
        if (type is null)
        {
            return null;
        }

        // "com.amazonaws.acm#ResourceNotFoundException" or "ResourceNotFoundException:http://..." → ResourceNotFoundException
        var code = type[(type.LastIndexOf('#') + 1)..].Split(':')[0];
        var message = root.TryGetProperty("message", out var m) ? m.GetString() : root.TryGetProperty("Message", out var m2) ? m2.GetString() : null;
        return new AwsError(code, message ?? string.Empty, requestId);
    }

    private static AwsError? ParseXml(byte[] body, string? requestId)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Root!;
        var error = root.Name.LocalName == "Error" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var id = Find(root, "RequestId") ?? Find(root, "RequestID") ?? requestId;
        if (error is not null)
        {
            return new AwsError(Find(error, "Code") ?? "Unknown", Find(error, "Message") ?? string.Empty, id);
        }

        // Route 53 answers a rejected change batch with <InvalidChangeBatch><Messages><Message>...</Message></Messages>.
        if (root.Name.LocalName == "InvalidChangeBatch")
        {
            var messages = root.Descendants().Where(e => e.Name.LocalName == "Message").Select(e => e.Value);
            return new AwsError("InvalidChangeBatch", string.Join("; ", messages), id);
        }

        return null;
    }

    private static string? Find(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string FallbackCode(int statusCode) => statusCode switch
    {
        429 => "TooManyRequestsException",
        >= 500 => "ServiceUnavailable",
        _ => $"Http{statusCode}",
    };
}
