using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwsIntegrations.Kubernetes.Serialization;

/// <summary>
/// Reads short strings through a bounded pool, so the thousands of equal values an informer caches ("Running", "TCP",
/// image names, label values, node names) are one string each. Unique values still allocate; once the pool is full it
/// only serves what it already holds.
/// </summary>
internal sealed class InterningStringConverter : JsonConverter<string>
{
    private const int MaxLength = 64;
    private const int MaxEntries = 32_768;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    // ConcurrentDictionary.Count takes every lock: keep our own (approximate) count.
    private static int _entries;

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Intern(ref reader);

    /// <summary>Map keys (label and annotation names) are the most repeated strings of all.</summary>
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Intern(ref reader)!;

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Intern(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString();
        }

        Span<char> chars = stackalloc char[MaxLength];
        var count = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        var text = chars[..count];
        if (Lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var created = text.ToString();
        if (Volatile.Read(ref _entries) >= MaxEntries || !Pool.TryAdd(created, created))
        {
            return created;
        }

        Interlocked.Increment(ref _entries);
        return created;
    }
}
