using System.Text;

namespace AwsIntegrations.Kubernetes.Tests.Emulator;

/// <summary>Hand-built protobuf bytes for the decoder tests: tags, varints, length-delimited fields and nested messages.</summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _bytes = [];

    /// <summary>A body as kubectl sends it: "k8s\0" and a runtime.Unknown around the object's message.</summary>
    public static byte[] Envelope(string apiVersion, string kind, Action<ProtoWriter> body) =>
        [.. "k8s\0"u8, .. new ProtoWriter().Message(1, t => t.String(1, apiVersion).String(2, kind)).Message(2, body).ToArray()];

    public ProtoWriter Varint(int field, long value)
    {
        Tag(field, 0);
        WriteVarint((ulong)value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, 2);
        WriteVarint((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public ProtoWriter Message(int field, Action<ProtoWriter> build)
    {
        var inner = new ProtoWriter();
        build(inner);
        return Bytes(field, inner.ToArray());
    }

    /// <summary>A map&lt;string,string&gt; entry (1: key, 2: value).</summary>
    public ProtoWriter Entry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    public ProtoWriter Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    private void Tag(int field, int wire) => WriteVarint((ulong)((field << 3) | wire));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }
}
