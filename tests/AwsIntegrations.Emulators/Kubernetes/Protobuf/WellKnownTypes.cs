using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Protobuf;

/// <summary>
/// The apimachinery types whose JSON is not their protobuf fields: metav1.Time/MicroTime (RFC 3339), metav1.Duration (Go's
/// duration text), resource.Quantity (its string), intstr.IntOrString (number or string), runtime.RawExtension and
/// metav1.FieldsV1 (embedded JSON).
/// </summary>
internal static class WellKnownTypes
{
    /// <summary>The JSON of one of <see cref="Schema.MessageTable.WellKnown"/>; null where Go writes null (a zero time).</summary>
    public static JsonNode? Decode(string type, ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtoReader(bytes, type);
        var numbers = new Dictionary<int, ulong>();
        var texts = new Dictionary<int, byte[]>();
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (!Knows(type, number, wire))
            {
                ProtobufDecoder.SkipUnknown(ref reader, type, number, wire);
            }
            else if (wire == WireType.Varint)
            {
                numbers[number] = reader.ReadVarint();
            }
            else
            {
                texts[number] = reader.ReadBytes().ToArray();
            }
        }

        var first = numbers.GetValueOrDefault(1);
        var second = numbers.GetValueOrDefault(2);
        var firstBytes = texts.GetValueOrDefault(1) ?? [];
        return type switch
        {
            "Time" => first == 0 && second == 0 ? null : JsonValue.Create(FormatTime(first, second, micro: false)),
            "MicroTime" => first == 0 && second == 0 ? null : JsonValue.Create(FormatTime(first, second, micro: true)),
            "Duration" => JsonValue.Create(FormatDuration(unchecked((long)first))),
            "Quantity" => JsonValue.Create(firstBytes.Length == 0 ? "0" : Encoding.UTF8.GetString(firstBytes)),
            "IntOrString" => first == 1
                ? JsonValue.Create(Encoding.UTF8.GetString(texts.GetValueOrDefault(3) ?? []))
                : JsonValue.Create(unchecked((int)second)),
            _ => EmbeddedJson(type, firstBytes),
        };
    }

    /// <summary>Which field numbers each type has (from its generated.proto) and their wire type.</summary>
    private static bool Knows(string type, int number, WireType wire) => (type, number) switch
    {
        ("Time" or "MicroTime", 1 or 2) => wire == WireType.Varint, // seconds, nanos
        ("Duration", 1) => wire == WireType.Varint, // duration (nanoseconds)
        ("Quantity" or "RawExtension" or "FieldsV1", 1) => wire == WireType.LengthDelimited, // string / raw
        ("IntOrString", 1 or 2) => wire == WireType.Varint, // type, intVal
        ("IntOrString", 3) => wire == WireType.LengthDelimited, // strVal
        _ => false,
    };

    private static string FormatTime(ulong seconds, ulong nanos, bool micro)
    {
        var time = DateTimeOffset.FromUnixTimeSeconds(unchecked((long)seconds)).AddTicks(unchecked((long)nanos) / 100).UtcDateTime;
        return time.ToString(micro ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Go's time.Duration.String for the common cases: "1h2m3s", "1.5s", "250ms", "0s".</summary>
    public static string FormatDuration(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var sign = nanoseconds < 0 ? "-" : "";
        var value = TimeSpan.FromTicks(Math.Abs(nanoseconds) / 100);
        if (value < TimeSpan.FromSeconds(1))
        {
            return sign + (value.TotalMilliseconds >= 1
                ? $"{value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms"
                : $"{(Math.Abs(nanoseconds) / 1000.0).ToString(CultureInfo.InvariantCulture)}µs");
        }

        var seconds = (value.TotalSeconds % 60).ToString(CultureInfo.InvariantCulture) + "s";
        var hours = (long)value.TotalHours;
        return sign + (hours > 0 ? $"{hours}h{value.Minutes}m{seconds}" : value.Minutes > 0 ? $"{value.Minutes}m{seconds}" : seconds);
    }

    private static JsonNode? EmbeddedJson(string type, byte[] raw)
    {
        if (raw.Length == 0)
        {
            return null;
        }

        if (raw.AsSpan().StartsWith("k8s\0"u8))
        {
            throw new ApiError(415, "UnsupportedMediaType",
                $"the protobuf body embeds a protobuf object in {type}, which the emulator does not decode; send JSON instead (Content-Type: application/json)");
        }

        try
        {
            return JsonNode.Parse(raw);
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"malformed protobuf body in {type}: the raw bytes are not JSON: {e.Message}");
        }
    }
}
