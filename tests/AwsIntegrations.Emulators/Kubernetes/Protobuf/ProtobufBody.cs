using System.Text;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Protobuf.Schema;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Protobuf;

/// <summary>
/// A request body in Kubernetes' protobuf encoding (what kubectl's typed clients send): the magic "k8s\0", then a
/// runtime.Unknown {1 typeMeta {1 apiVersion, 2 kind}, 2 raw, 3 contentEncoding, 4 contentType} whose raw bytes are the
/// object's own message. Decoded into the JSON object the JSON path would have read.
/// </summary>
internal static class ProtobufBody
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    public static bool Is(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the kind has a protobuf schema at all (custom resources never have one).</summary>
    public static bool Supports(ResourceDefinition definition) => MessageTable.Root(definition.GroupVersion, definition.Kind) is not null;

    public static ApiError Unsupported(ResourceDefinition definition) => new(415, "UnsupportedMediaType",
        $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (protobuf is not served for {definition.QualifiedName})");

    /// <summary>Decodes the envelope; a body without TypeMeta is read as <paramref name="apiVersion"/>/<paramref name="kind"/>.</summary>
    public static JsonObject Decode(ReadOnlySpan<byte> body, string apiVersion, string kind)
    {
        if (!body.StartsWith("k8s\0"u8))
        {
            throw ApiError.BadRequest("malformed protobuf body: it does not start with the magic bytes \"k8s\\0\"");
        }

        var reader = new ProtoReader(body[4..], "runtime.Unknown");
        ReadOnlySpan<byte> raw = default;
        string encoding = "", contentType = "";
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (number is < 1 or > 4 || wire != WireType.LengthDelimited)
            {
                ProtobufDecoder.SkipUnknown(ref reader, "runtime.Unknown", number, wire);
                continue;
            }

            var bytes = reader.ReadBytes();
            switch (number)
            {
                case 1:
                    (apiVersion, kind) = ReadTypeMeta(bytes, apiVersion, kind);
                    break;
                case 2:
                    raw = bytes;
                    break;
                case 3:
                    encoding = Encoding.UTF8.GetString(bytes);
                    break;
                default:
                    contentType = Encoding.UTF8.GetString(bytes);
                    break;
            }
        }

        if (encoding.Length > 0 || (contentType.Length > 0 && contentType != MediaType))
        {
            throw new ApiError(415, "UnsupportedMediaType",
                $"the protobuf envelope announces content type \"{contentType}\" with encoding \"{encoding}\", which the emulator does not decode; send JSON instead");
        }

        var root = MessageTable.Root(apiVersion, kind) ?? throw new ApiError(415, "UnsupportedMediaType",
            $"the emulator has no protobuf schema for {apiVersion} {kind}; send JSON instead (Content-Type: application/json)");
        var decoded = ProtobufDecoder.Decode(root, raw);
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        ProtobufDecoder.MoveInto(decoded, result);
        return result;
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> bytes, string apiVersion, string kind)
    {
        var reader = new ProtoReader(bytes, "runtime.TypeMeta");
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (number is 1 or 2 && wire == WireType.LengthDelimited)
            {
                var text = Encoding.UTF8.GetString(reader.ReadBytes());
                if (text.Length > 0)
                {
                    (apiVersion, kind) = number == 1 ? (text, kind) : (apiVersion, text);
                }
            }
            else
            {
                ProtobufDecoder.SkipUnknown(ref reader, "runtime.TypeMeta", number, wire);
            }
        }

        return (apiVersion, kind);
    }
}
