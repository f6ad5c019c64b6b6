using System.Buffers.Binary;
using AwsIntegrations.Emulators.Kubernetes.Store;

namespace AwsIntegrations.Emulators.Kubernetes.Protobuf;

/// <summary>Reads the protobuf wire format (varints, fixed 32/64-bit, length-delimited); malformed input is a 400.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data, string message)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool End => _position >= _data.Length;

    public (int Number, WireType Wire) ReadTag()
    {
        var at = _position;
        var tag = ReadVarint();
        var number = tag >> 3;
        var wire = (WireType)(tag & 7);
        if (number is 0 or > int.MaxValue)
        {
            throw Malformed($"invalid field number {number} at byte {at}");
        }

        if (wire is not (WireType.Varint or WireType.Fixed64 or WireType.LengthDelimited or WireType.Fixed32))
        {
            throw Malformed($"field {number} has unsupported wire type {(int)wire} at byte {at}");
        }

        return ((int)number, wire);
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw Malformed("truncated varint");
            }

            var b = _data[_position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Malformed("varint longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw Malformed($"length {length} runs past the end of the message ({_data.Length - _position} bytes left)");
        }

        var bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return bytes;
    }

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_data.Length - _position < count)
        {
            throw Malformed($"truncated {count * 8}-bit fixed value");
        }

        var bytes = _data.Slice(_position, count);
        _position += count;
        return bytes;
    }

    private readonly ApiError Malformed(string why) => ApiError.BadRequest($"malformed protobuf body in {message}: {why}");
}
