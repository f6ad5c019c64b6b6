using System.Text;
using System.Text.Json.Nodes;
using AwsIntegrations.Emulators.Kubernetes.Protobuf.Schema;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Protobuf;

/// <summary>
/// Turns a protobuf message into the JSON Go's encoding/json writes for the same struct, driven by <see cref="MessageTable"/>:
/// zero scalars of non-pointer fields are dropped (omitempty), pointer fields keep their zero, nested messages are kept.
/// </summary>
internal static class ProtobufDecoder
{
    public static JsonObject Decode(string messageName, ReadOnlySpan<byte> bytes)
    {
        var schema = MessageTable.Message(messageName);
        var result = new JsonObject();
        var reader = new ProtoReader(bytes, messageName);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            if (!schema.Fields.TryGetValue(number, out var field))
            {
                SkipUnknown(ref reader, messageName, number, wire);
            }
            else if (field.IsMap)
            {
                var map = Child(result, field.JsonName, static () => new JsonObject());
                ReadMapEntry(Expect(ref reader, wire, WireType.LengthDelimited, messageName, field), messageName, field, map);
            }
            else if (field.Repeated)
            {
                var list = Child(result, field.JsonName, static () => new JsonArray());
                ReadRepeated(ref reader, wire, messageName, field, list);
            }
            else
            {
                var (value, zero) = ReadValue(ref reader, wire, messageName, field, field.Type);
                if (field.Inline && value is JsonObject embedded)
                {
                    MoveInto(embedded, result);
                }
                else if (value is null || (zero && !field.KeepZero))
                {
                    result.Remove(field.JsonName);
                }
                else
                {
                    result[field.JsonName] = value;
                }
            }
        }

        return result;
    }

    /// <summary>A field the table does not know is fine when empty (gogo writes zero values of plain fields), else a 415.</summary>
    public static void SkipUnknown(ref ProtoReader reader, string messageName, int number, WireType wire)
    {
        var empty = wire switch
        {
            WireType.Varint => reader.ReadVarint() == 0,
            WireType.Fixed64 => reader.ReadFixed64() == 0,
            WireType.Fixed32 => reader.ReadFixed32() == 0,
            _ => reader.ReadBytes().IsEmpty,
        };
        if (!empty)
        {
            throw new ApiError(415, "UnsupportedMediaType",
                $"the protobuf body sets field {number} of {messageName}, which the emulator does not know; send JSON instead (Content-Type: application/json)");
        }
    }

    private static void ReadRepeated(ref ProtoReader reader, WireType wire, string messageName, FieldSchema field, JsonArray list)
    {
        if (wire == WireType.LengthDelimited && field.Type is not ("s" or "y") && MessageTable.Scalars.Contains(field.Type))
        {
            // A packed run of numbers (proto3 style); Kubernetes' proto2 writes them one by one, but both are valid.
            var packed = new ProtoReader(reader.ReadBytes(), messageName);
            var elementWire = field.Type switch { "f64" => WireType.Fixed64, "f32" => WireType.Fixed32, _ => WireType.Varint };
            while (!packed.End)
            {
                list.Add(ReadValue(ref packed, elementWire, messageName, field, field.Type).Value);
            }

            return;
        }

        list.Add(ReadValue(ref reader, wire, messageName, field, field.Type).Value);
    }

    private static void ReadMapEntry(ReadOnlySpan<byte> entry, string messageName, FieldSchema field, JsonObject map)
    {
        var entryName = $"{messageName}.{field.JsonName}";
        var reader = new ProtoReader(entry, entryName);
        var key = "";
        JsonNode? value = null;
        while (!reader.End)
        {
            var (number, wire) = reader.ReadTag();
            switch (number)
            {
                case 1:
                    key = Encoding.UTF8.GetString(Expect(ref reader, wire, WireType.LengthDelimited, entryName, field));
                    break;
                case 2:
                    value = ReadValue(ref reader, wire, entryName, field, field.MapValue!).Value;
                    break;
                default:
                    SkipUnknown(ref reader, entryName, number, wire);
                    break;
            }
        }

        map[key] = value ?? ZeroOf(field.MapValue!);
    }

    private static (JsonNode? Value, bool Zero) ReadValue(ref ProtoReader reader, WireType wire, string messageName, FieldSchema field, string type)
    {
        switch (type)
        {
            case "s":
                var text = Encoding.UTF8.GetString(Expect(ref reader, wire, WireType.LengthDelimited, messageName, field));
                return (JsonValue.Create(text), text.Length == 0);
            case "y":
                var bytes = Expect(ref reader, wire, WireType.LengthDelimited, messageName, field);
                return (JsonValue.Create(Convert.ToBase64String(bytes)), bytes.IsEmpty);
            case "f64":
                ExpectWire(wire, WireType.Fixed64, messageName, field);
                var d = BitConverter.Int64BitsToDouble((long)reader.ReadFixed64());
                return (JsonValue.Create(d), d == 0);
            case "f32":
                ExpectWire(wire, WireType.Fixed32, messageName, field);
                var f = BitConverter.Int32BitsToSingle((int)reader.ReadFixed32());
                return (JsonValue.Create(f), f == 0);
        }

        if (MessageTable.Scalars.Contains(type))
        {
            ExpectWire(wire, WireType.Varint, messageName, field);
            var raw = reader.ReadVarint();
            JsonNode value = type switch
            {
                "b" => JsonValue.Create(raw != 0),
                "i32" => JsonValue.Create(unchecked((int)raw)),
                "u32" => JsonValue.Create(unchecked((uint)raw)),
                "u64" => JsonValue.Create(raw),
                _ => JsonValue.Create(unchecked((long)raw)),
            };
            return (value, raw == 0);
        }

        var message = Expect(ref reader, wire, WireType.LengthDelimited, messageName, field);
        return MessageTable.WellKnown.Contains(type)
            ? (WellKnownTypes.Decode(type, message), false)
            : (Decode(type, message), false);
    }

    private static JsonNode ZeroOf(string type) => type switch
    {
        "s" or "y" => JsonValue.Create(""),
        "Quantity" => JsonValue.Create("0"),
        _ => new JsonObject(),
    };

    /// <summary>The map or list a repeated field collects into, created on its first element.</summary>
    private static T Child<T>(JsonObject parent, string name, Func<T> create)
        where T : JsonNode
    {
        if (parent[name] is T existing)
        {
            return existing;
        }

        var created = create();
        parent[name] = created;
        return created;
    }

    public static void MoveInto(JsonObject from, JsonObject to)
    {
        foreach (var name in from.Select(p => p.Key).ToList())
        {
            var value = from[name];
            from.Remove(name);
            to[name] = value;
        }
    }

    private static ReadOnlySpan<byte> Expect(ref ProtoReader reader, WireType wire, WireType expected, string messageName, FieldSchema field)
    {
        ExpectWire(wire, expected, messageName, field);
        return reader.ReadBytes();
    }

    private static void ExpectWire(WireType wire, WireType expected, string messageName, FieldSchema field)
    {
        if (wire != expected)
        {
            throw ApiError.BadRequest(
                $"malformed protobuf body in {messageName}: field {field.Number} ({field.JsonName}) has wire type {(int)wire}, expected {(int)expected}");
        }
    }
}
