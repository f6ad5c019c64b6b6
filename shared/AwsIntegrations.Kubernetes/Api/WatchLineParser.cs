using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace AwsIntegrations.Kubernetes.Api;

/// <summary>Parses one watch line {"type":…,"object":…} straight into the typed object (no intermediate document).</summary>
internal sealed class WatchLineParser<T>(JsonSerializerOptions options)
    where T : IKubernetesObject
{
    private readonly JsonTypeInfo<T> _type = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    private readonly JsonTypeInfo<V1Status> _status = (JsonTypeInfo<V1Status>)options.GetTypeInfo(typeof(V1Status));

    public WatchEvent<T>? Parse(ReadOnlySequence<byte> line)
    {
        if (IsBlank(line))
        {
            return null;
        }

        var reader = new Utf8JsonReader(line);
        string? eventType = null;
        T? item = default;
        JsonElement? raw = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"watch {ResourceType<T>.Plural}: a line is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                eventType = reader.GetString();
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                reader.Read();
                if (eventType is not null and not "ERROR")
                {
                    item = JsonSerializer.Deserialize(ref reader, _type);
                }
                else
                {
                    // The type came after the object (or it is an ERROR): keep it raw until the type is known.
                    raw = JsonElement.ParseValue(ref reader);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (eventType == "ERROR")
        {
            var status = raw?.Deserialize(_status) ?? new V1Status { Code = 500, Message = "a watch ERROR event without a status" };
            throw new KubernetesException(status);
        }

        item ??= raw is { } element ? element.Deserialize(_type) : default;
        if (item is null)
        {
            throw new JsonException($"watch {ResourceType<T>.Plural}: a {eventType} event has no object");
        }

        return new WatchEvent<T>(
            eventType switch
            {
                "ADDED" => WatchEventType.Added,
                "MODIFIED" => WatchEventType.Modified,
                "DELETED" => WatchEventType.Deleted,
                "BOOKMARK" => WatchEventType.Bookmark,
                _ => throw new JsonException($"watch {ResourceType<T>.Plural}: unknown event type \"{eventType}\""),
            },
            item);
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
