using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwsIntegrations.Kubernetes.Serialization;

/// <summary>metav1.Time: RFC 3339 in UTC, whole seconds ("2026-01-02T03:04:05Z"), as the API server writes it.</summary>
public sealed class TimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
