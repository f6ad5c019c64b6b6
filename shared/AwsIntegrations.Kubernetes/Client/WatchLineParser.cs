using System.Buffers;
using System.Text.Json;
using AwsIntegrations.Kubernetes.Models;
using AwsIntegrations.Kubernetes.Serialization;

namespace AwsIntegrations.Kubernetes.Client;

/// <summary>Parses one watch line {"type":…,"object":…} straight into the typed object (no intermediate document).</summary>
internal static class WatchLineParser
{
    public static WatchEvent<T>? Parse<T>(ReadOnlySequence<byte> line, ResourceType<T> type)
        where T : IKubernetesObject
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
            throw new JsonException($"watch {type.Plural}: a line is not a JSON object");
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
                    item = JsonSerializer.Deserialize(ref reader, type.TypeInfo);
                }
                else
                {
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
            var status = raw?.Deserialize(KubernetesJsonContext.Default.Status);
            throw KubernetesApiException.From(status?.Code ?? 500, status, null, $"watch {type.Plural}", watchEvent: true);
        }

        item ??= raw is { } element ? element.Deserialize(type.TypeInfo) : default;
        if (item is null)
        {
            throw new JsonException($"watch {type.Plural}: a {eventType} event has no object");
        }

        return new WatchEvent<T>(
            eventType switch
            {
                "ADDED" => WatchEventType.Added,
                "MODIFIED" => WatchEventType.Modified,
                "DELETED" => WatchEventType.Deleted,
                "BOOKMARK" => WatchEventType.Bookmark,
                _ => throw new JsonException($"watch {type.Plural}: unknown event type \"{eventType}\""),
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
