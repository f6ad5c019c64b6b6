using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace AwsIntegrations.Emulators.Aws;

/// <summary>An answer ready for the wire.</summary>
public sealed record WireResponse(int StatusCode, string ContentType, string Body)
{
    public static WireResponse Xml(XElement root, int statusCode = 200) =>
        new(statusCode, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting));

    public static WireResponse Json(JsonNode body, int statusCode = 200) =>
        new(statusCode, "application/x-amz-json-1.1", body.ToJsonString(new JsonSerializerOptions()));

    public static WireResponse Text(string body, int statusCode = 200) => new(statusCode, "text/plain", body);

    public byte[] Bytes => Encoding.UTF8.GetBytes(Body);
}
