using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AwsIntegrations.Kubernetes.Serialization;

/// <summary>
/// metav1.MicroTime (Lease acquireTime/renewTime, Event eventTime): the API server parses it with exactly six fractional
/// digits and refuses "…:05Z", which KubernetesClient writes for a whole second (as metav1.Time wants it).
/// </summary>
internal sealed class MicroTime : JsonConverter<DateTime?>
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public override bool HandleNull => false;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null
            ? null
            : DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(Format(new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : time.Kind))));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
