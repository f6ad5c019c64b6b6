namespace AwsIntegrations.Emulators.Kubernetes.Protobuf.Schema;

/// <summary>
/// One field of a protobuf message: its number, the JSON name Go's encoding/json writes, and its type — a scalar code
/// (s string, y bytes, b bool, i32/i64/u32/u64 varints, f32/f64), a well-known type or another message of the table.
/// </summary>
/// <param name="KeepZero">A pointer field in Go: present on the wire only when set, so a zero value is kept (replicas: 0).</param>
/// <param name="Inline">An embedded struct with json:",inline": its fields land in the parent object.</param>
/// <param name="MapValue">For map&lt;string, X&gt; fields, the type X (the wire carries repeated entries 1: key, 2: value).</param>
internal sealed record FieldSchema(int Number, string JsonName, string Type, bool Repeated, bool KeepZero, bool Inline, string? MapValue)
{
    public bool IsMap => MapValue is not null;
}
